import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallback } from "@/components/auth/callback";
import { Alert } from "@/components/ui/Field";
import { ProviderButtons } from "@/components/auth/ProviderButtons";
import { providerError } from "@/components/auth/provider-errors";
import { configuredProviders } from "@/server/auth/providers";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; ended?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, ended } = await searchParams;
  const ta = await getTranslations("account");
  const cb = typeof callbackUrl === "string" ? callbackUrl : undefined;
  if (await getViewer()) redirect(safeCallback(cb));
  const registerHref = cb ? `/register?callbackUrl=${encodeURIComponent(cb)}` : "/register";
  const t = await getTranslations("auth");
  const to = await getTranslations("oidc");
  const fromProvider = providerError(typeof error === "string" ? error : undefined);
  return (
    <AuthCard
      title={t("signInHeading")}
      subtitle={t("signInSubtitle")}
      footer={t.rich("newHere", {
        link: (chunks) => (
          <Link href={registerHref} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
            {chunks}
          </Link>
        ),
      })}
    >
      {(ended === "signed-out" || ended === "password-changed") && (
        <div className="mb-4">
          <Alert tone="amber">{ta(`ended.${ended}`)}</Alert>
        </div>
      )}
      {ended === "deleted" && (
        <div className="mb-4">
          <Alert tone="green">{(await getTranslations("accountData"))("ended")}</Alert>
        </div>
      )}
      {fromProvider && (
        <div className="mb-4">
          <Alert>{to(`errors.${fromProvider}`)}</Alert>
        </div>
      )}
      <ProviderButtons providers={configuredProviders(env)} callbackUrl={cb} />
      <SignInForm callbackUrl={cb} initialError={typeof error === "string" && !fromProvider ? error : undefined} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
          {ta("forgotLink")}
        </Link>
      </p>
    </AuthCard>
  );
}
