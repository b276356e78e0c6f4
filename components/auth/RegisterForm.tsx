"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { call, ApiError, errorMessage } from "@/components/api";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { reconnectLive } from "./session";
import { safeCallback } from "./callback";

const LABELS: Record<string, string> = { email: "Email", username: "Username", password: "Password" };

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
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
      const mapped = Object.fromEntries(Object.entries(f).map(([k, m]) => [k, `${LABELS[k] ?? k} ${m}.`]));
      if (Object.keys(mapped).some((k) => k in LABELS)) setErrors(mapped);
      else setError(errorMessage(err));
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
        label="Email"
        type="email"
        autoComplete="email"
        value={form.email}
        onChange={set("email")}
        error={errors.email}
        autoFocus
      />
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        value={form.username}
        onChange={set("username")}
        error={errors.username}
        hint="3–32 characters: letters, digits, _ and -. Shown on everything you post."
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set("password")}
        error={errors.password}
        hint="At least 8 characters."
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
