"use client";
import { useTranslations } from "next-intl";
import type { OptimisticComment } from "@/components/stores/thread";
import { Avatar } from "@/components/ui/Avatar";
import { Button } from "@/components/ui/Button";

/**
 * A comment on its way to the server ("sending…"), waiting for Parley to be reachable again
 * ("reconnecting…", sent again by itself), or one that failed with a way to retry.
 */
export function PendingCommentItem({ item, onRetry, onDiscard }: { item: OptimisticComment; onRetry: () => void; onDiscard: () => void }) {
  const t = useTranslations("comments");
  const failed = item.status === "failed";
  return (
    <li className="flex gap-3 py-5" data-testid="pending-comment" aria-busy={!failed}>
      <Avatar username={item.author.username} src={item.author.avatarUrl} className="mt-0.5 opacity-70" />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2 text-sm">
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">{item.author.username}</span>
          {failed ? (
            <span className="text-red-600 dark:text-red-400">{t("notSent")}</span>
          ) : item.status === "reconnecting" ? (
            <span
              role="status"
              className="animate-pulse text-amber-700 dark:text-amber-400"
              title={t("reconnectingTitle")}
            >
              {t("reconnecting")}
            </span>
          ) : (
            <span className="animate-pulse text-zinc-500 dark:text-zinc-400">{t("sending")}</span>
          )}
        </div>
        <p
          className={`mt-1 text-[0.95rem] break-words whitespace-pre-wrap ${failed ? "text-zinc-700 dark:text-zinc-300" : "text-zinc-500 dark:text-zinc-400"}`}
        >
          {item.body}
        </p>
        {failed && (
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {item.error}
            </p>
            <Button size="sm" variant="secondary" onClick={onRetry}>
              {t("retry")}
            </Button>
            <Button size="sm" variant="ghost" onClick={onDiscard}>
              {t("discard")}
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
