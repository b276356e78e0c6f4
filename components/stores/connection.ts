import { createStore, type StoreApi } from "zustand/vanilla";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

export interface ConnectionState {
  status: ConnectionStatus;
  setStatus(status: ConnectionStatus): void;
}

export type ConnectionStore = StoreApi<ConnectionState>;

export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionState>()((set) => ({
    status: "connecting",
    setStatus: (status) => set({ status }),
  }));
}
