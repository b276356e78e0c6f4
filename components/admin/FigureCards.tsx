"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { LiveStats } from "@/server/realtime/events";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { useStaffStore } from "./StaffStoreProvider";

const FIGURES: Array<{ key: keyof LiveStats; label: string; hint: string }> = [
  { key: "online", label: "Members online", hint: "signed in, with a live tab" },
  { key: "sockets", label: "Sockets connected", hint: "open tabs, members and guests" },
  { key: "guests", label: "Guests", hint: "anonymous visitors" },
  { key: "eventsPerMinute", label: "Events / min", hint: "live events published" },
  { key: "postsToday", label: "Posts today", hint: "since midnight UTC" },
  { key: "commentsToday", label: "Comments today", hint: "since midnight UTC" },
];

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
  const live = useLive();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400" role="status">
      <span className={cn("size-2 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-zinc-400")} aria-hidden="true" />
      {live ? "Live" : "Waiting for live figures…"}
    </span>
  );
}

/** The overview's figure cards: the admin layout's numbers first, then every `stats` push. */
export function FigureCards() {
  const stats = useStaffStore((s) => s.stats);
  const open = stats.openReports;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
      {FIGURES.map((f) => (
        <Card key={f.key} className="p-4" data-testid={`figure-${f.key}`} data-value={stats[f.key]}>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{f.label}</p>
          <p className="mt-1 text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-white">
            {stats[f.key].toLocaleString("en-US")}
          </p>
          <p className="mt-1 truncate text-xs text-zinc-400 dark:text-zinc-500">{f.hint}</p>
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
        <p className={cn("text-sm", open > 0 ? "text-amber-800 dark:text-amber-300" : "text-zinc-500 dark:text-zinc-400")}>Open reports</p>
        <p className="mt-1 text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-white">{open}</p>
        <p className="mt-1 text-xs text-zinc-400 dark:text-zinc-500">{open > 0 ? "Review the queue →" : "all quiet"}</p>
      </Link>
    </div>
  );
}
