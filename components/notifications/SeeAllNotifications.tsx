"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** The bell's footer: the full notifications page. */
export function SeeAllNotifications({ onNavigate }: { onNavigate: () => void }) {
  const t = useTranslations("notifications");
  return (
    <Link
      href="/notifications"
      onClick={onNavigate}
      className="block border-t border-zinc-200 px-4 py-2.5 text-center text-sm font-medium text-accent-700 hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:border-zinc-800 dark:text-accent-300 dark:hover:bg-zinc-800/60"
    >
      {t("seeAll")}
    </Link>
  );
}
