import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { Alert } from "@/components/ui/Field";
import { ResetPasswordForm } from "@/components/account/ResetPasswordForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.reset"))("title"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("account.reset");
  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <Link href="/forgot-password" className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          {t("again")}
        </Link>
      }
    >
      {typeof token === "string" && token ? <ResetPasswordForm token={token} /> : <Alert>{t("missing")}</Alert>}
    </AuthCard>
  );
}
