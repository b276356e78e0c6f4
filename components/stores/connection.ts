import { createStore, type StoreApi } from "zustand/vanilla";
import type { SessionEnded } from "@/server/realtime/events";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

export interface ConnectionState {
  status: ConnectionStatus;
  setStatus(status: ConnectionStatus): void;
  /** The server ended this session (ban, sign-out elsewhere, password change): why. */
  ended: SessionEnded | null;
  setEnded(ended: SessionEnded): void;
}

export type ConnectionStore = StoreApi<ConnectionState>;

export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionState>()((set) => ({
    status: "connecting",
    setStatus: (status) => set({ status }),
    ended: null,
    setEnded: (ended) => set({ ended, status: "offline" }),
  }));
}
