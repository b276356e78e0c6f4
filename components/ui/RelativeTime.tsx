"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDateTime, formatRelative, MINUTE } from "./time";

/** "5 minutes ago" in the active language, refreshed every minute; the exact time is in the tooltip. */
export function RelativeTime({ iso, prefix, className }: { iso: string; prefix?: string; className?: string }) {
  const t = useTranslations("time");
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)} className={className} suppressHydrationWarning>
      {prefix ? `${prefix} ` : ""}
      {formatRelative(iso, locale, now) ?? t("justNow")}
    </time>
  );
}
