"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

/**
 * For an account made through an identity provider: there is no current password to type, so a
 * password is set through the same mailed link as a forgotten one (which proves the mailbox).
 */
export function SetPasswordByMail({ email }: { email: string }) {
  const t = useTranslations("account.security.password");
  const { error: describeError } = useErrorText();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await call("POST /api/v1/auth/password/forgot", { body: { email } });
      setSent(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("none")}</p>
      {error && <Alert>{error}</Alert>}
      {sent ? (
        <Alert tone="green">{t("linkSent", { email })}</Alert>
      ) : (
        <div className="flex justify-end">
          <Button variant="secondary" onClick={send} disabled={busy}>
            {busy ? t("sending") : t("sendLink")}
          </Button>
        </div>
      )}
    </div>
  );
}
