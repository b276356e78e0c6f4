"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const { error: describeError } = useErrorText();
  const t = useTranslations("account.security.email");
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
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{verified ? t("verified", { email }) : t("unverified", { email })}</p>
      {!verified &&
        (state === "sent" ? (
          <Alert tone="green">{t("sent")}</Alert>
        ) : (
          <Button variant="secondary" size="sm" onClick={resend} disabled={state === "sending"}>
            {t("resend")}
          </Button>
        ))}
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
