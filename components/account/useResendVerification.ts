"use client";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";

/** "Resend the link" for an unconfirmed email: the request, its progress and its worded error. */
export function useResendVerification() {
  const { error: describeError } = useErrorText();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);
  async function resend() {
    setState("sending");
    setError(null);
    try {
      await call("POST /api/v1/me/verify-email");
      setState("sent");
    } catch (err) {
      setError(describeError(err));
      setState("idle");
    }
  }
  return { state, error, resend };
}
