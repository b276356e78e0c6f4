"use client";
import { useTranslations } from "next-intl";
import type { Post } from "@/server/dto";

/**
 * A signed-in member's unread count on a post row (comments after their read position), or
 * "New" for a post they never opened. Guests' posts carry no read state: nothing shows.
 */
export function UnreadBadge({ post }: { post: Pick<Post, "readSeq" | "unreadCount"> }) {
  const t = useTranslations("follow");
  if (post.readSeq === undefined) return null;
  if (post.readSeq === null)
    return (
      <span
        data-testid="new-badge"
        className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-600/20 ring-inset dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-400/30"
      >
        {t("newBadge")}
      </span>
    );
  const count = post.unreadCount ?? 0;
  if (count === 0) return null;
  return (
    <span
      data-testid="unread-badge"
      // An image of a number, named in words: "3 unread comments", not a bare "3".
      role="img"
      aria-label={t("unreadBadge", { count })}
      title={t("unreadBadge", { count })}
      className="relative min-w-6 rounded-full bg-accent-600 px-2 py-0.5 text-center text-xs font-semibold text-white tabular-nums"
    >
      {count > 999 ? "999+" : count}
    </span>
  );
}
