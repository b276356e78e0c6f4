"use client";
import { create } from "zustand";
import type { UserRef } from "@/server/dto";
import type { PresenceDelta, PresenceSnapshot } from "@/server/realtime/events";

interface PresenceState {
  /** Signed-in members online. */
  count: number;
  users: UserRef[];
  /** Anonymous visitors, counted apart. */
  guests: number;
  /** True once the socket has delivered presence: from then on, server-rendered props are older. */
  live: boolean;
  setSnapshot(s: { count: number; users: UserRef[]; guests?: number }): void;
  /** Server-rendered presence, applied only until live presence has arrived. */
  hydrateFromServer(s: { count: number; users: UserRef[]; guests?: number }): void;
  applyDelta(d: PresenceDelta): void;
}

const byName = (a: UserRef, b: UserRef) => a.username.localeCompare(b.username);

export const usePresenceStore = create<PresenceState>()((set) => ({
  count: 0,
  users: [],
  guests: 0,
  live: false,
  hydrateFromServer: (s) => {
    if (!usePresenceStore.getState().live) usePresenceStore.getState().setSnapshot(s);
  },
  setSnapshot: (s) => set((prev) => ({ count: s.count, users: [...s.users].sort(byName), guests: s.guests ?? prev.guests })),
  applyDelta: ({ type, user, count, guests }) =>
    set((prev) => {
      const others = prev.users.filter((u) => u.id !== user.id);
      return { count, users: type === "join" ? [...others, user].sort(byName) : others, guests: guests ?? prev.guests };
    }),
}));

/** Either shape the `presence` event carries. */
export function applyPresence(p: PresenceSnapshot | PresenceDelta): void {
  usePresenceStore.setState({ live: true });
  const s = usePresenceStore.getState();
  if ("type" in p) s.applyDelta(p);
  else s.setSnapshot(p);
}
