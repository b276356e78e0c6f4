import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { localeChoices } from "@/server/i18n/locales";
import { Card, CardHeader } from "@/components/ui/Card";
import { AvatarForm } from "@/components/settings/AvatarForm";
import { ProfileForm } from "@/components/settings/ProfileForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.profile"))("title") };
}

/** Settings › Profile: the avatar, the bio and the interface language. */
export default async function ProfileSettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=%2Fsettings");
  const [t, locale] = await Promise.all([getTranslations("settings.profile"), getLocale()]);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </div>
      <Card>
        <CardHeader title={t("avatar.heading")} />
        <AvatarForm username={viewer.username} avatarUrl={viewer.avatarUrl} />
      </Card>
      <Card>
        <CardHeader title={t("about.heading")} />
        <ProfileForm bio={viewer.bio} locale={viewer.locale ?? locale} choices={localeChoices()} />
      </Card>
    </div>
  );
}
