"use client";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import type { Comment, ReactionKind } from "@/server/dto";
import { useThreadStore, useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { useErrorText } from "@/components/i18n/errors";
import type { Me } from "@/components/posts/me";
import { NewDivider } from "@/components/follow/NewDivider";
import { CommentItem } from "./CommentItem";
import { PendingCommentItem } from "./PendingCommentItem";
import { sendComment } from "./sendComment";
import { useAnnounceArrivals } from "@/components/a11y/Announcer";

interface CommentListProps {
  postId: string;
  postAuthorId: string;
  comments: Comment[];
  me: Me | null;
  mine: Record<string, ReactionKind>;
  /** The first comment the member had not read when the page opened: the "New" divider goes above it. */
  firstUnreadSeq?: number | null;
}

/** Server comments in seq order, then this member's comments still on their way. */
export function CommentList({ postId, postAuthorId, comments, me, mine, firstUnreadSeq }: CommentListProps) {
  const t = useTranslations("comments");
  const describe = useErrorText();
  const thread = useThreadStoreApi();
  const optimistic = useThreadStore((s) => s.optimistic);
  const ta = useTranslations("a11y");
  useAnnounceArrivals(
    comments,
    (c) => c.id,
    (fresh) => {
      const others = fresh.filter((c) => c.author.id !== me?.id);
      if (others.length === 0) return null;
      return others.length === 1 ? ta("newComment", { name: others[0].author.username }) : ta("newComments", { count: others.length });
    },
  );
  if (comments.length === 0 && optimistic.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        {me && !me.banned ? t("emptyInvite") : t("empty")}
      </p>
    );
  }
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={t("list")}>
      {comments.map((c, i) => (
        <Fragment key={c.id}>
          {firstUnreadSeq != null && c.seq >= firstUnreadSeq && (i === 0 || comments[i - 1].seq < firstUnreadSeq) && <NewDivider />}
          <CommentItem comment={c} me={me} mine={mine[c.id] ?? null} isOp={c.author.id === postAuthorId} />
        </Fragment>
      ))}
      {optimistic.map((o) => (
        <PendingCommentItem
          key={o.clientId}
          item={o}
          onRetry={() => {
            thread.getState().retryOptimistic(o.clientId);
            void sendComment(thread, postId, o.clientId, o.body, describe.error, o.replyToId);
          }}
          onDiscard={() => thread.getState().discardOptimistic(o.clientId)}
        />
      ))}
    </ol>
  );
}
