import { useLocale, useTranslations } from "next-intl";
import type { Viewer } from "@/server/dto";
import { formatDate } from "@/components/ui/time";

/** Tells a banned member why they can read but not write. */
export function BanNotice({ ban }: { ban: NonNullable<Viewer["ban"]> }) {
  const t = useTranslations("header");
  const locale = useLocale();
  return (
    <div
      role="status"
      className="border-b border-red-200 bg-red-50 px-4 py-2 text-center text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {t("banned", {
        hasUntil: ban.until ? "yes" : "no",
        until: ban.until ? formatDate(ban.until, locale) : "",
        hasReason: ban.reason ? "yes" : "no",
        reason: ban.reason ?? "",
      })}
    </div>
  );
}
