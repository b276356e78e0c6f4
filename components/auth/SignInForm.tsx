"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";
import { safeCallback, signInError, type SignInErrorKey } from "./callback";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<SignInErrorKey | null>(signInError(initialError));
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (!res || res.error || !res.ok) {
      setError(res ? signInError(res.error ?? "CredentialsSignin") : "Network");
      setBusy(false);
      return;
    }
    reconnectLive();
    router.replace(safeCallback(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoFocus
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
