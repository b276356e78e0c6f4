"use client";
import { useTranslations } from "next-intl";
import type { Notification } from "@/server/dto";
import { useAuthorName } from "@/components/account-data/AuthorLink";

/** Where a notification leads: the exact comment (highlighted by its anchor), or the post. */
export function notificationHref(n: Pick<Notification, "post" | "comment">): string {
  return `/p/${n.post.id}${n.comment ? `#comment-${n.comment.id}` : ""}`;
}

/** "alice replied in Some post", worded by kind, with the names standing out. */
export function NotificationText({ n }: { n: Pick<Notification, "kind" | "actor" | "post"> }) {
  const t = useTranslations("notifications.kind");
  const authorName = useAuthorName();
  return t.rich(n.kind, {
    actor: authorName(n.actor),
    title: n.post.title || "…",
    b: (chunks) => <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{chunks}</strong>,
  });
}
