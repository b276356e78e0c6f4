"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { LiveStats } from "@/server/realtime/events";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { useStaffStore } from "./StaffStoreProvider";

/** Each figure's label and hint are `admin.figures.<key>.label` / `.hint` in the catalogue. */
const FIGURES: Array<keyof Omit<LiveStats, "openReports">> = ["online", "sockets", "guests", "eventsPerMinute", "postsToday", "commentsToday"];

/** Live if a push arrived in the last few seconds (they come every 2 s). */
function useLive(): boolean {
  const receivedAt = useStaffStore((s) => s.receivedAt);
  const [now, setNow] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 2_000);
    return () => clearInterval(t);
  }, []);
  return receivedAt !== null && (now === 0 || now - receivedAt < 6_000);
}

export function LiveBadge() {
  const t = useTranslations("admin.figures");
  const live = useLive();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400" role="status">
      <span className={cn("size-2 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-zinc-400")} aria-hidden="true" />
      {live ? t("live") : t("waiting")}
    </span>
  );
}

/** The overview's figure cards: the admin layout's numbers first, then every `stats` push. */
export function FigureCards() {
  const t = useTranslations("admin.figures");
  const format = useFormatter();
  const stats = useStaffStore((s) => s.stats);
  const open = stats.openReports;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
      {FIGURES.map((key) => (
        <Card key={key} className="p-4" data-testid={`figure-${key}`} data-value={stats[key]}>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t(`${key}.label`)}</p>
          <p className="mt-1 text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-white">
            {format.number(stats[key])}
          </p>
          <p className="mt-1 truncate text-xs text-zinc-400 dark:text-zinc-500">{t(`${key}.hint`)}</p>
        </Card>
      ))}
      <Link
        href="/admin/reports"
        className={cn(
          "rounded-xl border p-4 shadow-xs transition-colors col-span-2 sm:col-span-3 xl:col-span-2 focus-visible:outline-2 focus-visible:outline-accent-500",
          open > 0
            ? "border-amber-300 bg-amber-50 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950/50 dark:hover:bg-amber-950"
            : "border-zinc-200 bg-white hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800/60",
        )}
      >
        <p className={cn("text-sm", open > 0 ? "text-amber-800 dark:text-amber-300" : "text-zinc-500 dark:text-zinc-400")}>{t("openReports")}</p>
        <p className="mt-1 text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-white">{open}</p>
        <p className="mt-1 text-xs text-zinc-400 dark:text-zinc-500">{open > 0 ? t("review") : t("quiet")}</p>
      </Link>
    </div>
  );
}
