"use client";
import { useTranslations } from "next-intl";
import { useResendVerification } from "./useResendVerification";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const t = useTranslations("account.security.email");
  const { state, error, resend } = useResendVerification();

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
