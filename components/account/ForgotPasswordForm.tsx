"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";

export function ForgotPasswordForm() {
  const { error: describeError } = useErrorText();
  const t = useTranslations("account.forgot");
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call("POST /api/v1/auth/password/forgot", { body: { email } });
      setSentTo(email);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  if (sentTo)
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("sent", { email: sentTo })}</Alert>
        <Link href="/signin" className="block text-center text-sm font-semibold text-accent-700 hover:underline dark:text-accent-400">
          {t("back")}
        </Link>
      </div>
    );
  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
