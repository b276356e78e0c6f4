"use client";
import { useTranslations } from "next-intl";
import type { Comment } from "@/server/dto";
import { useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { QuoteIcon, ReplyIcon } from "./icons";
import { useAuthorName } from "@/components/account-data/AuthorLink";

/** Markdown for quoting `text` from `comment`: a blockquote under a line that links to the original. */
export function quoteMarkdown(comment: Pick<Comment, "id" | "seq" | "author">, text: string, wrote: string): string {
  const quoted = text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
  return `> [${wrote} #${comment.seq}](#comment-${comment.id}):\n${quoted}\n\n`;
}

/** The text selected inside `root`, if the selection lies within it. */
function selectionWithin(root: HTMLElement | null): string {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return "";
  const range = sel.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? sel.toString() : "";
}

const actionClass =
  "inline-flex h-8 items-center gap-1 rounded-lg px-2 text-sm text-zinc-500 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * "Reply" makes the composer answer this comment (replyToId); "Quote" puts the selected part
 * of it (or all of it) into the composer as a blockquote with attribution.
 */
export function ReplyActions({ comment, body }: { comment: Comment; body: () => HTMLElement | null }) {
  const t = useTranslations("follow");
  const thread = useThreadStoreApi();
  const focusComposer = () => document.getElementById(`comment-body-${comment.postId}`)?.focus();
  return (
    <>
      <button
        type="button"
        className={actionClass}
        onClick={() => {
          thread.getState().setReplyTo({ id: comment.id, seq: comment.seq, author: comment.author });
          focusComposer();
        }}
      >
        <ReplyIcon className="size-4" />
        {t("reply")}
      </button>
      <button
        type="button"
        className={actionClass}
        // Keep the selection: a mousedown on the button would clear it before the click.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const text = selectionWithin(body()) || comment.body;
          thread.getState().addQuote(quoteMarkdown(comment, text, t("quoteWrote", { name: `@${comment.author.username}` })));
          focusComposer();
        }}
      >
        <QuoteIcon className="size-4" />
        {t("quote")}
      </button>
    </>
  );
}

/** "in reply to @name #seq", linking to the comment answered. */
export function InReplyTo({ replyTo }: { replyTo: NonNullable<Comment["replyTo"]> }) {
  const t = useTranslations("follow");
  const authorName = useAuthorName();
  return (
    <a
      href={`#comment-${replyTo.id}`}
      data-testid="in-reply-to"
      className="inline-flex items-center gap-1 text-zinc-500 hover:text-accent-700 hover:underline dark:text-zinc-400 dark:hover:text-accent-300"
    >
      <ReplyIcon className="size-3.5" />
      {t("inReplyTo", { name: replyTo.author.deleted ? authorName(replyTo.author) : `@${replyTo.author.username}`, seq: replyTo.seq })}
    </a>
  );
}
