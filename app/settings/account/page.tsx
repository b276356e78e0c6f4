import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getServices } from "@/server/context";
import { Card, CardHeader } from "@/components/ui/Card";
import { buttonClass } from "@/components/ui/Button";
import { MailPreference } from "@/components/account-data/MailPreference";
import { DeleteAccount } from "@/components/account-data/DeleteAccount";
import { configuredProviders } from "@/server/auth/providers";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountData"))("title") };
}

/** Settings › Your data: the export, the notification mail switch, and deleting the account. */
export default async function AccountDataSettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=%2Fsettings%2Faccount");
  const [t, prefs] = await Promise.all([getTranslations("accountData"), getServices().accountData.preferences(viewer)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </div>
      <Card>
        <CardHeader title={t("export.heading")} />
        <div className="space-y-3 p-4">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("export.body")}</p>
          <div className="flex justify-end">
            {/* A plain download: the browser saves the attachment the API names. */}
            <a href="/api/v1/me/export" download className={buttonClass("secondary")}>
              {t("export.action")}
            </a>
          </div>
        </div>
      </Card>
      <Card>
        <CardHeader title={t("mail.heading")} />
        <MailPreference initial={prefs.emailNotifications} />
      </Card>
      <Card className="border-red-200 dark:border-red-900/70">
        <CardHeader title={t("delete.heading")} />
        <DeleteAccount passwordless={!viewer.hasPassword} providers={viewer.hasPassword ? [] : configuredProviders(env)} />
      </Card>
    </div>
  );
}
