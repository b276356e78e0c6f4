import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getServices } from "@/server/context";
import { Card, CardHeader } from "@/components/ui/Card";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { SetPasswordByMail } from "@/components/account/SetPasswordByMail";
import { EmailStatus } from "@/components/account/EmailStatus";
import { SessionList } from "@/components/account/SessionList";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.security"))("title") };
}

/** Settings › Security: the email's state, the password, and every signed-in session. */
export default async function SecuritySettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=%2Fsettings%2Fsecurity");
  const [t, sessions] = await Promise.all([getTranslations("account.security"), getServices().sessions.list(viewer)]);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </div>
      <Card>
        <CardHeader title={t("email.heading")} />
        <EmailStatus email={viewer.email} verified={viewer.emailVerified} />
      </Card>
      <Card>
        <CardHeader title={viewer.hasPassword ? t("password.heading") : t("password.setHeading")} />
        <div className="p-4">{viewer.hasPassword ? <ChangePasswordForm /> : <SetPasswordByMail email={viewer.email} />}</div>
      </Card>
      <Card>
        <CardHeader title={t("sessions.heading")} />
        <SessionList sessions={sessions} />
      </Card>
    </div>
  );
}
