"use client";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** The configured identity providers (server/auth/providers.ts), as the sign-in and register pages show them. */
export type ProviderButton = { id: "oidc" | "github"; name: string };

function GitHubMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
      <path d="M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-.94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-.52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27s1.36.09 2 .27c1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.01 8.01 0 0 0 16 8c0-4.42-3.58-8-8-8Z" />
    </svg>
  );
}

function KeyMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-none stroke-current" strokeWidth={1.6}>
      <circle cx="7" cy="10" r="3.5" />
      <path d="M10.5 10h7M15 10v2.5M17.5 10v2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * "Continue with …" for each configured provider, and an "or" rule above the form below.
 * NextAuth's signIn() posts to /api/auth/signin/<id> (with its CSRF token) and follows the
 * provider's redirect; state, PKCE and nonce travel in NextAuth's own cookies.
 */
export function ProviderButtons({
  providers,
  callbackUrl,
  separator = true,
}: {
  providers: ProviderButton[];
  callbackUrl?: string;
  /** The "or" rule above a form that follows; off where no form follows. */
  separator?: boolean;
}) {
  const t = useTranslations("oidc");
  const [busy, setBusy] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className={separator ? "mb-5 space-y-4" : "space-y-4"}>
      <div className="space-y-2">
        {providers.map((p) => (
          <Button
            key={p.id}
            variant="secondary"
            className="w-full"
            disabled={busy !== null}
            onClick={() => {
              setBusy(p.id);
              void signIn(p.id, { callbackUrl: callbackUrl ?? "/" }).catch(() => setBusy(null));
            }}
          >
            {p.id === "github" ? <GitHubMark /> : <KeyMark />}
            {busy === p.id ? t("redirecting") : t("continueWith", { name: p.name })}
          </Button>
        ))}
      </div>
      {separator && (
        <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400" aria-hidden="true">
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
          {t("or")}
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
        </div>
      )}
    </div>
  );
}
