"use client";
import { signOut } from "next-auth/react";
import type { SessionEndReason } from "@/server/realtime/events";

/**
 * The server ended this tab's session (signed out elsewhere, password changed or reset): the
 * socket is already closed. Clear the dead cookie and go to the sign-in page, which says why.
 */
export function sessionEnded(reason: SessionEndReason): void {
  const to = `/signin?ended=${encodeURIComponent(reason)}`;
  void signOut({ redirect: false })
    .catch(() => {})
    // A full load: every store of the signed-in tab goes with it.
    .finally(() => window.location.replace(new URL(to, window.location.origin)));
}
