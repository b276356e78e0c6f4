import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { Alert } from "@/components/ui/Field";
import { VerifyEmail } from "@/components/account/VerifyEmail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.verify"))("title"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("account.verify");
  return (
    <AuthCard
      title={t("title")}
      subtitle=""
      footer={
        <Link href="/" className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          {t("home")}
        </Link>
      }
    >
      {typeof token === "string" && token ? <VerifyEmail token={token} /> : <Alert>{t("missing")}</Alert>}
    </AuthCard>
  );
}
