"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";
import { safeCallback, signInError } from "./callback";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const router = useRouter();
  const t = useTranslations("authz");
  /** "RateLimited:42" (server/auth/signin-guard.ts): how long to wait, in the reader's language. */
  const describe = (code: string | null | undefined) => {
    const limited = /^RateLimited:(\d+)$/.exec(code ?? "");
    return limited ? t("tooManyAttempts", { seconds: Number(limited[1]) }) : signInError(code);
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
      setError(res ? describe(res.error ?? "CredentialsSignin") : "Can't reach Parley. Check your connection and try again.");
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
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoFocus
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
