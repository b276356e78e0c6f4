import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/server/auth/viewer";
import { AuthCard } from "@/components/auth/AuthCard";
import { RegisterForm } from "@/components/auth/RegisterForm";
import { safeCallback } from "@/components/auth/callback";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function RegisterPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const cb = typeof callbackUrl === "string" ? callbackUrl : undefined;
  if (await getViewer()) redirect(safeCallback(cb));
  const signinHref = cb ? `/signin?callbackUrl=${encodeURIComponent(cb)}` : "/signin";
  return (
    <AuthCard
      title="Join Parley"
      subtitle="Create an account to start conversations."
      footer={
        <>
          Already have an account?{" "}
          <Link href={signinHref} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm callbackUrl={cb} />
    </AuthCard>
  );
}
