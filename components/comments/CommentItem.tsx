"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Comment, ReactionKind } from "@/server/dto";
import { call } from "@/components/api";
import { useThreadStore, useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { Avatar } from "@/components/ui/Avatar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { cn } from "@/components/ui/cn";
import { HiddenBadge, hiddenTint } from "@/components/posts/PostBadges";
import { ReactionBar } from "@/components/posts/ReactionBar";
import { ItemActions } from "@/components/posts/ItemActions";
import { canModify, canReport, isStaffRole, type Me } from "@/components/posts/me";
import { CommentModControls } from "@/components/admin/CommentModControls";
import { CommentEditForm } from "./CommentEditForm";
import { InReplyTo, ReplyActions } from "@/components/follow/ReplyActions";
import { AuthorLink } from "@/components/account-data/AuthorLink";

export function CommentItem({ comment, me, mine, isOp }: { comment: Comment; me: Me | null; mine: ReactionKind | null; isOp: boolean }) {
  const t = useTranslations("comments");
  const time = useTranslations("time");
  const [editing, setEditing] = useState(false);
  const thread = useThreadStoreApi();
  const upsert = useThreadStore((s) => s.upsertComment);
  const anchor = `comment-${comment.id}`;
  const bodyRef = useRef<HTMLDivElement>(null);

  return (
    <li
      id={anchor}
      className={cn(
        "flex scroll-mt-32 gap-3 py-5 target:-mx-3 target:rounded-lg target:bg-accent-50/60 target:px-3 dark:target:bg-accent-950/30",
        comment.hidden && cn(hiddenTint, "-mx-3 rounded-lg px-3"),
      )}
      data-testid="comment"
      data-seq={comment.seq}
    >
      <Avatar username={comment.author.username} src={comment.author.avatarUrl} className="mt-0.5" />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <AuthorLink user={comment.author} className="font-semibold text-zinc-900 hover:underline dark:text-zinc-100" />
          {isOp && (
            <span
              className="rounded bg-zinc-100 px-1 text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
              title={t("opTitle")}
            >
              {t("op")}
            </span>
          )}
          <a href={`#${anchor}`} className="text-zinc-500 hover:underline dark:text-zinc-400">
            <RelativeTime iso={comment.createdAt} />
          </a>
          {comment.editedAt && <span className="text-zinc-400 italic dark:text-zinc-500">{time("edited")}</span>}
          {comment.hidden && <HiddenBadge />}
          {comment.replyTo && <InReplyTo replyTo={comment.replyTo} />}
        </div>
        {editing ? (
          <div className="mt-2">
            <CommentEditForm
              comment={comment}
              onCancel={() => setEditing(false)}
              onSaved={(c) => {
                upsert(c);
                setEditing(false);
              }}
            />
          </div>
        ) : (
          <>
            <div
              ref={bodyRef}
              className="prose mt-1 text-[0.95rem] text-zinc-800 dark:text-zinc-200"
              dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
            />
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <ReactionBar
                target={{ type: "comment", id: comment.id }}
                reactions={comment.reactions}
                mine={mine}
                canReact={!!me && !me.banned}
                compact
                onCounts={(reactions) => {
                  const current = thread.getState().byId[comment.id];
                  if (current) upsert({ ...current, reactions });
                }}
              />
              <div className="flex flex-wrap items-center justify-end">
                {me && !me.banned && <ReplyActions comment={comment} body={() => bodyRef.current} />}
                {me && !me.banned && isStaffRole(me.role) && <CommentModControls comment={comment} onUpdated={upsert} />}
                <ItemActions
                  target={{ type: "comment", id: comment.id }}
                  canEdit={canModify(me, comment.author.id)}
                  canReport={canReport(me, comment.author.id)}
                  onEdit={() => setEditing(true)}
                  onDelete={async () => {
                    await call("DELETE /api/v1/comments/{id}", { params: { id: comment.id } });
                    thread.getState().removeComment(comment.id);
                  }}
                />
              </div>
            </div>
          </>
        )}
      </div>
    </li>
  );
}
