"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { sessionEnded } from "@/components/account/session-ended";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Alert, Field } from "@/components/ui/Field";
import { ProviderButtons, type ProviderButton } from "@/components/auth/ProviderButtons";

/**
 * "Delete account": a clear warning, then the password in a dialog; afterwards the tab signs out.
 * An account without a password (made through an identity provider) confirms by having signed
 * in with the provider in the last few minutes: the dialog offers that sign-in, which comes back here.
 */
export function DeleteAccount({ passwordless = false, providers = [] }: { passwordless?: boolean; providers?: ProviderButton[] }) {
  const t = useTranslations("accountData.delete");
  const { error: describeError } = useErrorText();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setPassword("");
    setFieldError(undefined);
    setError(null);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await call("DELETE /api/v1/me", { body: passwordless ? {} : { password } });
      sessionEnded("deleted");
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      // Without a password field, a refusal means the provider sign-in is missing or too old.
      if (passwordless && api?.code === "VALIDATION_FAILED") setError(t("signInAgain"));
      else if (!passwordless && api?.details.length) setFieldError(api.fieldErrors().password ?? describeError(err));
      else setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3 p-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("body")}</p>
      <div className="flex justify-end">
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t("action")}
        </Button>
      </div>
      <Dialog open={open} onClose={close} title={t("dialogTitle")}>
        <form onSubmit={submit} className="space-y-4">
          <Alert tone="amber">{t("warning")}</Alert>
          {error && <Alert>{error}</Alert>}
          {passwordless ? (
            <div className="space-y-3">
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("providerConfirm")}</p>
              <ProviderButtons providers={providers} callbackUrl="/settings/account" separator={false} />
            </div>
          ) : (
            <Field
              name="password"
              label={t("password")}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError}
            />
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={busy}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={busy || (!passwordless && !password)}>
              {busy ? t("deleting") : t("confirm")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
