"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { LiveStats } from "@/server/realtime/events";
import { usePageStore } from "@/components/stores/StoresProvider";
import { createStaffStore, type StaffState, type StaffStore } from "./stats-store";

const StaffStoreContext = createContext<StaffStore | null>(null);

/** The dashboard's live figures, from the admin layout's render, then every `stats` push. */
export function StaffStoreProvider({ initial, children }: { initial: LiveStats; children: ReactNode }) {
  const store = usePageStore("staff", initial, createStaffStore, (staff, stats) => staff.getState().setStats(stats, false));
  return <StaffStoreContext value={store}>{children}</StaffStoreContext>;
}

export function useStaffStoreApi(): StaffStore {
  const store = useContext(StaffStoreContext);
  if (!store) throw new Error("useStaffStore must be used inside <StaffStoreProvider> (the admin layout mounts it)");
  return store;
}

export function useStaffStore<T>(selector: (s: StaffState) => T): T {
  return useStore(useStaffStoreApi(), selector);
}
