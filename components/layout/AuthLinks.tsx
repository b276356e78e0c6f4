"use client";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, LinkButton } from "@/components/ui/Button";
import { reconnectLive } from "@/components/auth/session";

/** Sign in / register, returning to the page the visitor was on. */
export function SignedOutLinks() {
  const t = useTranslations("header");
  const path = usePathname();
  const back = path && !["/signin", "/register"].includes(path) ? `?callbackUrl=${encodeURIComponent(path)}` : "";
  return (
    <div className="flex items-center gap-1.5">
      <LinkButton href={`/signin${back}`} variant="ghost" size="sm">
        {t("signIn")}
      </LinkButton>
      <LinkButton href={`/register${back}`} size="sm">
        {t("register")}
      </LinkButton>
    </div>
  );
}

export function SignOutButton() {
  const t = useTranslations("header");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: "/", redirect: false });
        reconnectLive();
        router.replace("/");
        router.refresh();
        setBusy(false);
      }}
    >
      {t("signOut")}
    </Button>
  );
}
