import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallback } from "@/components/auth/callback";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const cb = typeof callbackUrl === "string" ? callbackUrl : undefined;
  if (await getViewer()) redirect(safeCallback(cb));
  const registerHref = cb ? `/register?callbackUrl=${encodeURIComponent(cb)}` : "/register";
  const t = await getTranslations("auth");
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
      <SignInForm callbackUrl={cb} initialError={typeof error === "string" ? error : undefined} />
    </AuthCard>
  );
}
