import { getTranslations } from "next-intl/server";
import { localeChoices } from "@/server/i18n/locales";
import { getViewer, isMemberShell } from "@/server/auth/viewer";
import { LocaleSwitcher } from "./LocaleSwitcher";

export async function Footer() {
  const [t, viewer, shell] = await Promise.all([getTranslations("common"), getViewer(), isMemberShell()]);
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-xs text-zinc-500 sm:flex-row sm:items-center sm:justify-between dark:text-zinc-500">
        <p>{t("tagline")}</p>
        <p>{t("rules")}</p>
        <LocaleSwitcher choices={localeChoices()} member={viewer !== null || shell} />
      </div>
    </footer>
  );
}
