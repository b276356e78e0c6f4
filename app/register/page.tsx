import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { AuthCard } from "@/components/auth/AuthCard";
import { RegisterForm } from "@/components/auth/RegisterForm";
import { safeCallback } from "@/components/auth/callback";
import { ProviderButtons } from "@/components/auth/ProviderButtons";
import { configuredProviders } from "@/server/auth/providers";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function RegisterPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const cb = typeof callbackUrl === "string" ? callbackUrl : undefined;
  if (await getViewer()) redirect(safeCallback(cb));
  const signinHref = cb ? `/signin?callbackUrl=${encodeURIComponent(cb)}` : "/signin";
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("registerHeading")}
      subtitle={t("registerSubtitle")}
      footer={t.rich("haveAccount", {
        link: (chunks) => (
          <Link href={signinHref} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
            {chunks}
          </Link>
        ),
      })}
    >
      <ProviderButtons providers={configuredProviders(env)} callbackUrl={cb} />
      <RegisterForm callbackUrl={cb} />
    </AuthCard>
  );
}
