import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { WelcomeForm } from "@/components/auth/WelcomeForm";
import { Alert } from "@/components/ui/Field";
import { getServices } from "@/server/context";
import { getViewer } from "@/server/auth/viewer";
import { configuredProviders } from "@/server/auth/providers";
import { PENDING_SIGNUP_COOKIE } from "@/server/identity/pending";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oidc"))("welcomeTitle") };
}

/**
 * The one step between a first provider sign-in and a usable account, when the provider's
 * username is taken or not valid here: the newcomer picks one. What the provider asserted
 * waits, sealed, in a 10-minute cookie (server/identity/pending.ts); nothing exists yet.
 */
export default async function WelcomePage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations("oidc");
  const pending = await getServices().identity.pendingSignup((await cookies()).get(PENDING_SIGNUP_COOKIE)?.value);
  const providerName = configuredProviders(env).find((p) => p.id === pending?.provider)?.name ?? "";
  return (
    <AuthCard
      title={t("welcomeHeading")}
      subtitle={pending ? t("welcomeSubtitle", { provider: providerName }) : t("expiredSubtitle")}
      footer={
        <Link href="/signin" className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          {t("backToSignIn")}
        </Link>
      }
    >
      {pending ? (
        <WelcomeForm email={pending.email ?? ""} suggestedUsername={pending.suggestedUsername} />
      ) : (
        <Alert tone="amber">{t("expired")}</Alert>
      )}
    </AuthCard>
  );
}
