"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { LinkButton } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

/**
 * Confirms the address as soon as the page opens. The token is spent by this POST from the
 * page's script, not by the GET of the link, so a mail scanner that fetches links does not
 * use it up.
 */
export function VerifyEmail({ token }: { token: string }) {
  const { error: describeError } = useErrorText();
  const t = useTranslations("account.verify");
  const [state, setState] = useState<"checking" | "done" | "invalid" | "error">("checking");
  const [error, setError] = useState("");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    call("POST /api/v1/auth/verify-email", { body: { token } })
      .then(() => setState("done"))
      .catch((err) => {
        if (err instanceof ApiError && err.code === "INVALID_TOKEN") return setState("invalid");
        setError(describeError(err));
        setState("error");
      });
  }, [token]);

  if (state === "checking")
    return (
      <p role="status" className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("checking")}
      </p>
    );
  if (state === "done")
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("done")}</Alert>
        <LinkButton href="/" className="w-full">
          {t("home")}
        </LinkButton>
      </div>
    );
  return (
    <div className="space-y-3">
      <Alert>{state === "invalid" ? t("invalid") : error}</Alert>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">{t("resendHint")}</p>
    </div>
  );
}
