import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/server/auth/viewer";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallback } from "@/components/auth/callback";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const cb = typeof callbackUrl === "string" ? callbackUrl : undefined;
  if (await getViewer()) redirect(safeCallback(cb));
  const registerHref = cb ? `/register?callbackUrl=${encodeURIComponent(cb)}` : "/register";
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to post, comment and react."
      footer={
        <>
          New to Parley?{" "}
          <Link href={registerHref} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={cb} initialError={typeof error === "string" ? error : undefined} />
    </AuthCard>
  );
}
