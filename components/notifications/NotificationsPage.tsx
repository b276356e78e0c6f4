"use client";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Notification } from "@/server/dto";
import { call } from "@/components/api";
import { useNotificationStore } from "@/components/stores/StoresProvider";
import { Avatar } from "@/components/ui/Avatar";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { cn } from "@/components/ui/cn";
import { NotificationText, notificationHref } from "./NotificationText";

interface Props {
  unreadOnly: boolean;
  initial: { notifications: Notification[]; unread: number; nextCursor: string | null };
}

/**
 * Every notification, newest first, a page at a time: All or Unread, mark one or all read,
 * each linking to the exact comment. Live ones (from the tab's notification store) join the top.
 */
export function NotificationsPage({ unreadOnly, initial }: Props) {
  const t = useTranslations("notifications");
  const [loaded, setLoaded] = useState(initial.notifications);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const live = useNotificationStore((s) => s.list);
  const unread = useNotificationStore((s) => s.unread);
  const markInStore = useNotificationStore((s) => s.markRead);
  const [readHere, setReadHere] = useState<Set<string>>(new Set());

  // Newer live ones first; the store's copy of a loaded one may carry a newer readAt.
  const newest = loaded[0]?.createdAt ?? "";
  const arrived = live.filter((n) => n.createdAt > newest && !loaded.some((l) => l.id === n.id));
  const list = [...arrived, ...loaded].map((n) => (readHere.has(n.id) && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n));

  async function loadMore() {
    if (!cursor) return;
    setBusy(true);
    setFailed(false);
    try {
      const page = await call("GET /api/v1/notifications", { query: { cursor, unread: unreadOnly ? "1" : undefined, limit: 20 } });
      setLoaded((l) => [...l, ...page.notifications.filter((n) => !l.some((x) => x.id === n.id))]);
      setCursor(page.nextCursor);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  function markRead(ids?: string[]) {
    const targets = ids ?? list.filter((n) => !n.readAt).map((n) => n.id);
    setReadHere((s) => new Set([...s, ...targets]));
    markInStore(ids);
    call("POST /api/v1/notifications/read", { body: ids ? { ids } : { all: true } }).catch(() => setFailed(true));
  }

  const tab = (active: boolean) =>
    cn(
      "rounded-md px-3 py-1 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
      active
        ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-white"
        : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
    );

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">{t("title")}</h1>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400" data-testid="notifications-unread">
            {t("unreadCount", { count: unread })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t("filterLabel")} className="flex gap-1 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
            <Link href="/notifications" aria-current={unreadOnly ? undefined : "page"} className={tab(!unreadOnly)}>
              {t("all")}
            </Link>
            <Link href="/notifications?unread=1" aria-current={unreadOnly ? "page" : undefined} className={tab(unreadOnly)}>
              {t("unread")}
            </Link>
          </nav>
          <Button variant="secondary" size="sm" onClick={() => markRead()} disabled={unread === 0}>
            {t("markAllRead")}
          </Button>
        </div>
      </div>
      <Card>
        {list.length === 0 ? (
          <p className="px-4 py-12 text-center text-sm text-zinc-500 dark:text-zinc-400">{unreadOnly ? t("emptyUnread") : t("empty")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={t("title")}>
            {list.map((n) => (
              <li
                key={n.id}
                data-testid="notification"
                className={cn("flex items-start gap-3 px-4 py-3.5 sm:px-5", !n.readAt && "bg-accent-50/60 dark:bg-accent-950/30")}
              >
                <Avatar username={n.actor.username} src={n.actor.avatarUrl} size="sm" className="mt-0.5" />
                <Link
                  href={notificationHref(n)}
                  onClick={() => !n.readAt && markRead([n.id])}
                  className="min-w-0 flex-1 rounded text-sm focus-visible:outline-2 focus-visible:outline-accent-500"
                >
                  <span className="block text-zinc-700 dark:text-zinc-300">
                    <NotificationText n={n} />
                    {n.comment && <span className="text-zinc-500 dark:text-zinc-400"> #{n.comment.seq}</span>}
                  </span>
                  {n.excerpt && <span className="mt-0.5 line-clamp-2 block text-zinc-500 dark:text-zinc-400">{n.excerpt}</span>}
                  <RelativeTime iso={n.createdAt} className="mt-1 block text-xs text-zinc-400 dark:text-zinc-500" />
                </Link>
                {!n.readAt && (
                  <>
                    <span className="sr-only">{t("newItem")}</span>
                    <Button variant="ghost" size="sm" onClick={() => markRead([n.id])}>
                      {t("markRead")}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {(cursor || failed) && (
          <div className="flex flex-col items-center gap-2 border-t border-zinc-100 px-4 py-4 dark:border-zinc-800">
            {failed && <p className="text-sm text-red-600 dark:text-red-400">{t("failed")}</p>}
            {cursor && (
              <Button variant="secondary" onClick={loadMore} disabled={busy}>
                {busy ? t("loading") : t("loadMore")}
              </Button>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
