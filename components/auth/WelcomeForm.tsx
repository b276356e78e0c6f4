"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";

/** Chooses the username of a member arriving from an identity provider; the answer signs them in. */
export function WelcomeForm({ email, suggestedUsername }: { email: string; suggestedUsername: string }) {
  const t = useTranslations("oidc");
  const ta = useTranslations("auth");
  const describe = useErrorText();
  const router = useRouter();
  const [username, setUsername] = useState(suggestedUsername);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      await call("POST /api/v1/auth/provider-signup", { body: { username } });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (fields.username) setFieldError(describe.field(ta("username"), fields.username));
      else setError(err instanceof ApiError && err.code === "INVALID_TOKEN" ? t("expired") : describe.error(err));
      setBusy(false);
      return;
    }
    reconnectLive();
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field name="email" label={ta("email")} type="email" value={email} readOnly disabled hint={t("emailHint")} />
      <Field
        name="username"
        label={ta("username")}
        autoComplete="username"
        value={username}
        onChange={(e) => {
          setUsername(e.target.value);
          setFieldError(undefined);
        }}
        error={fieldError}
        hint={ta("usernameHint")}
        autoFocus
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? ta("creating") : t("finish")}
      </Button>
    </form>
  );
}
