"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";
import { safeCallback } from "./callback";

const FIELDS = ["email", "username", "password"] as const;
const isField = (k: string): k is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(k);

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const describe = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState({ email: "", username: "", password: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm({ ...form, [k]: e.target.value });
    if (errors[k]) setErrors(({ [k]: _fixed, ...rest }) => rest);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await call("POST /api/v1/auth/register", { body: form });
    } catch (err) {
      const f = err instanceof ApiError ? err.fieldErrors() : {};
      const mapped = Object.fromEntries(Object.entries(f).map(([k, m]) => [k, describe.field(isField(k) ? t(k) : k, m)]));
      if (Object.keys(mapped).some(isField)) setErrors(mapped);
      else setError(describe.error(err));
      setBusy(false);
      return;
    }
    const res = await signIn("credentials", { email: form.email, password: form.password, redirect: false }).catch(() => null);
    if (!res?.ok || res.error) {
      // The account exists; only the automatic sign-in failed.
      router.push("/signin");
      return;
    }
    reconnectLive();
    router.replace(safeCallback(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        value={form.email}
        onChange={set("email")}
        error={errors.email}
        autoFocus
      />
      <Field
        name="username"
        label={t("username")}
        autoComplete="username"
        value={form.username}
        onChange={set("username")}
        error={errors.username}
        hint={t("usernameHint")}
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set("password")}
        error={errors.password}
        hint={t("passwordHint")}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
