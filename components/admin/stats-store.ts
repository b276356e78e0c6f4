import { createStore, type StoreApi } from "zustand/vanilla";
import type { LiveStats } from "@/server/realtime/events";

export interface StaffState {
  /** The dashboard's figures: the server's snapshot, then each `stats` push (every 2 s). */
  stats: LiveStats;
  /** When the last push arrived (ms), to tell live figures from stale ones. */
  receivedAt: number | null;
  /** Bumped by every `report:changed`: the reports queue refetches when it moves. */
  reportsVersion: number;
  setStats(stats: LiveStats, live: boolean): void;
  reportChanged(openCount: number): void;
}

export type StaffStore = StoreApi<StaffState>;

/** Starts from the figures the admin layout rendered; live pushes replace them. */
export function createStaffStore(stats: LiveStats): StaffStore {
  return createStore<StaffState>()((set) => ({
    stats,
    receivedAt: null,
    reportsVersion: 0,
    setStats: (stats, live) => set((prev) => ({ stats, receivedAt: live ? Date.now() : prev.receivedAt })),
    reportChanged: (openReports) =>
      set((prev) => ({
        reportsVersion: prev.reportsVersion + 1,
        stats: { ...prev.stats, openReports },
      })),
  }));
}
