"use client";
import { useEffect } from "react";
import type { LiveStats, ServerToClientEvents } from "@/server/realtime/events";
import { getSocket } from "@/components/realtime/socket";
import { useStaffStoreApi } from "./StaffStoreProvider";

type ReportChanged = Parameters<ServerToClientEvents["report:changed"]>[0];

/** Stats arrive every 2 s for staff; this long without one means the socket is not a staff one. */
const SILENCE_MS = 7_000;

/**
 * Moves the staff-only socket events into the staff store. Mounted once, in the admin layout,
 * inside <StaffStoreProvider>, which starts the store from the layout's figures.
 * Sockets join the staff room at the handshake, so a socket opened before its user became
 * staff (promoted while their tab was open) hears nothing: after a silence it reconnects once,
 * and the new handshake sees the current role.
 */
export function StaffLive() {
  const staff = useStaffStoreApi();
  useEffect(() => {
    const socket = getSocket();
    let healed = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    function watchSilence() {
      clearTimeout(silence);
      if (healed) return;
      silence = setTimeout(() => {
        if (!socket.connected) return watchSilence();
        healed = true;
        socket.disconnect().connect();
      }, SILENCE_MS);
    }
    function onStats(stats: LiveStats) {
      staff.getState().setStats(stats, true);
      watchSilence();
    }
    function onReportChanged({ openCount }: ReportChanged) {
      staff.getState().reportChanged(openCount);
    }
    socket.on("stats", onStats);
    socket.on("report:changed", onReportChanged);
    watchSilence();
    return () => {
      clearTimeout(silence);
      socket.off("stats", onStats);
      socket.off("report:changed", onReportChanged);
    };
  }, [staff]);
  return null;
}
