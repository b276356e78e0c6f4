"use client";
import { signOut } from "next-auth/react";
import type { SessionEndReason } from "@/server/realtime/events";

let leaving = false;

/**
 * The session of this tab is over (signed out elsewhere, password changed or reset, account
 * deleted): clear the dead cookie and go to the sign-in page, which says why. The socket's
 * `session:ended` and the tab's own request (deleting the account) can both get here: the first
 * one leaves, a second navigation would only abort it.
 */
export function sessionEnded(reason: SessionEndReason): void {
  if (leaving) return;
  leaving = true;
  const to = `/signin?ended=${encodeURIComponent(reason)}`;
  void signOut({ redirect: false })
    .catch(() => {})
    // A full load: every store of the signed-in tab goes with it.
    .finally(() => window.location.replace(new URL(to, window.location.origin)));
}
