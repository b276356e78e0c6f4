import { createStore, type StoreApi } from "zustand/vanilla";
import type { UserRef } from "@/server/dto";
import type { PresenceDelta, PresenceSnapshot } from "@/server/realtime/events";

export interface PresenceState {
  /** Signed-in members online. */
  count: number;
  users: UserRef[];
  /** Anonymous visitors, counted apart. */
  guests: number;
  /** True once the socket has delivered presence: from then on, server-rendered snapshots are older. */
  live: boolean;
  setSnapshot(s: { count: number; users: UserRef[]; guests?: number }): void;
  /** Server-rendered presence, applied only until live presence has arrived. */
  hydrateFromServer(s: PresenceSnapshot): void;
  applyDelta(d: PresenceDelta): void;
}

export type PresenceStore = StoreApi<PresenceState>;

const byName = (a: UserRef, b: UserRef) => a.username.localeCompare(b.username);

/** Starts from the server-rendered snapshot; the socket's presence replaces it. */
export function createPresenceStore(initial: PresenceSnapshot): PresenceStore {
  return createStore<PresenceState>()((set, get) => ({
    count: initial.count,
    users: [...initial.users].sort(byName),
    guests: initial.guests,
    live: false,
    hydrateFromServer: (s) => {
      if (!get().live) get().setSnapshot(s);
    },
    setSnapshot: (s) => set((prev) => ({ count: s.count, users: [...s.users].sort(byName), guests: s.guests ?? prev.guests })),
    applyDelta: ({ type, user, count, guests }) =>
      set((prev) => {
        const others = prev.users.filter((u) => u.id !== user.id);
        return { count, users: type === "join" ? [...others, user].sort(byName) : others, guests: guests ?? prev.guests };
      }),
  }));
}

/** Either shape the `presence` event carries. */
export function applyPresence(store: PresenceStore, p: PresenceSnapshot | PresenceDelta): void {
  store.setState({ live: true });
  const s = store.getState();
  if ("type" in p) s.applyDelta(p);
  else s.setSnapshot(p);
}
