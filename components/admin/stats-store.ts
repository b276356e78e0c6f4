"use client";
import { create } from "zustand";
import type { LiveStats } from "@/server/realtime/events";

interface StaffState {
  /** The dashboard's figures: the server's snapshot, then each `stats` push (every 2 s). */
  stats: LiveStats | null;
  /** When the last push arrived (ms), to tell live figures from stale ones. */
  receivedAt: number | null;
  /** Bumped by every `report:changed`: the reports queue refetches when it moves. */
  reportsVersion: number;
  setStats(stats: LiveStats, live: boolean): void;
  reportChanged(openCount: number): void;
}

export const useStaffStore = create<StaffState>()((set) => ({
  stats: null,
  receivedAt: null,
  reportsVersion: 0,
  setStats: (stats, live) => set((prev) => ({ stats, receivedAt: live ? Date.now() : prev.receivedAt })),
  reportChanged: (openReports) =>
    set((prev) => ({
      reportsVersion: prev.reportsVersion + 1,
      stats: prev.stats && { ...prev.stats, openReports },
    })),
}));
