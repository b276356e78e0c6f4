"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Notification } from "@/server/dto";
import { Avatar } from "@/components/ui/Avatar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { cn } from "@/components/ui/cn";
import { NotificationText, notificationHref as href } from "@/components/notifications/NotificationText";

export function NotificationList({ list, fresh, onNavigate }: { list: Notification[]; fresh: Set<string>; onNavigate: () => void }) {
  const t = useTranslations("notifications");
  if (list.length === 0) {
    return (
      <p className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">
        {t("empty")}
      </p>
    );
  }
  return (
    <ul className="max-h-[min(28rem,70vh)] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
      {list.map((n) => (
        <li key={n.id}>
          <Link
            href={href(n)}
            onClick={onNavigate}
            className={cn(
              "flex gap-3 px-4 py-3 text-sm transition-colors hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/60 dark:focus-visible:bg-zinc-800/60",
              fresh.has(n.id) && "bg-accent-50/70 dark:bg-accent-950/40",
            )}
          >
            <Avatar username={n.actor.username} src={n.actor.avatarUrl} size="sm" />
            <span className="min-w-0 flex-1">
              <span className="block text-zinc-700 dark:text-zinc-300">
                <NotificationText n={n} />
              </span>
              {n.excerpt && <span className="mt-0.5 line-clamp-2 block text-zinc-500 dark:text-zinc-400">{n.excerpt}</span>}
              <RelativeTime iso={n.createdAt} className="mt-1 block text-xs text-zinc-400 dark:text-zinc-500" />
            </span>
            {fresh.has(n.id) && (
              <>
                <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-500" aria-hidden="true" />
                <span className="sr-only">{t("new")}</span>
              </>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
