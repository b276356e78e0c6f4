"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button, LinkButton } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";

export function ResetPasswordForm({ token }: { token: string }) {
  const { error: describeError } = useErrorText();
  const t = useTranslations("account.reset");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [state, setState] = useState<"editing" | "busy" | "done" | "invalid">("editing");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldError(undefined);
    if (password !== confirm) return setFieldError(t("mismatch"));
    setState("busy");
    try {
      await call("POST /api/v1/auth/password/reset", { body: { token, password } });
      setState("done");
    } catch (err) {
      if (err instanceof ApiError && err.code === "INVALID_TOKEN") return setState("invalid");
      if (err instanceof ApiError && err.fieldErrors().password) setFieldError(err.fieldErrors().password);
      else setError(describeError(err));
      setState("editing");
    }
  }

  if (state === "done")
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("done")}</Alert>
        <LinkButton href="/signin" className="w-full">
          {t("signIn")}
        </LinkButton>
      </div>
    );
  if (state === "invalid")
    return (
      <div className="space-y-4">
        <Alert>{t("invalid")}</Alert>
        <Link href="/forgot-password" className="block text-center text-sm font-semibold text-accent-700 hover:underline dark:text-accent-400">
          {t("again")}
        </Link>
      </div>
    );
  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={256}
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError}
      />
      <Field
        name="confirm"
        label={t("confirm")}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <Button type="submit" className="w-full" disabled={state === "busy"}>
        {state === "busy" ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
