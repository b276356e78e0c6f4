"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";
import { safeCallback, signInError } from "./callback";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const t = useTranslations("auth");
  const tz = useTranslations("authz");
  const router = useRouter();
  /** The reader's sentence for a sign-in error; "RateLimited:42" (server/auth/signin-guard.ts) says how long to wait. */
  const describe = (code: string | null | undefined): string | null => {
    const limited = /^RateLimited:(\d+)$/.exec(code ?? "");
    if (limited) return tz("tooManyAttempts", { seconds: Number(limited[1]) });
    const key = signInError(code);
    return key ? t(`errors.${key}`) : null;
  };
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(() => describe(initialError));
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (!res || res.error || !res.ok) {
      setError(res ? describe(res.error ?? "CredentialsSignin") : t("errors.Network"));
      setBusy(false);
      return;
    }
    reconnectLive();
    router.replace(safeCallback(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert>{error}</Alert>}
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
