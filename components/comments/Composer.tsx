"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { sendTyping } from "@/components/realtime/live";
import { newClientId } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { useThreadStore, useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Avatar } from "@/components/ui/Avatar";
import { Button } from "@/components/ui/Button";
import type { Me } from "@/components/posts/me";
import { useDraft } from "@/components/follow/useDraft";
import { DraftStatus } from "@/components/follow/DraftStatus";
import { XIcon } from "@/components/follow/icons";
import { sendComment } from "./sendComment";

const TYPING_EVERY_MS = 2000;

/** Writes a comment: shown at once as "sending…", replaced by the server's copy when it lands. */
export function Composer({ postId, me }: { postId: string; me: Me }) {
  const t = useTranslations("comments");
  const tf = useTranslations("follow");
  const describe = useErrorText();
  const thread = useThreadStoreApi();
  const replyTo = useThreadStore((s) => s.replyTo);
  const quote = useThreadStore((s) => s.quote);
  const [body, setBody] = useState("");
  const lastTyping = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // A member shell before its layer (no one yet, me.id ""): the reader's draft is read once they are known.
  const draft = useDraft(`post:${postId}`, { body }, { enabled: me.id !== "", onRestore: (d) => setBody(d.body) });

  // "Quote" on a comment: insert its blockquote where the cursor is (or at the end).
  const quoted = useRef(quote?.n ?? 0);
  useEffect(() => {
    if (!quote || quote.n === quoted.current) return;
    quoted.current = quote.n;
    const el = textarea.current;
    setBody((current) => {
      const at = el && document.activeElement === el ? el.selectionStart : current.length;
      const before = current.slice(0, at);
      const gap = before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "";
      return `${before}${gap}${quote.markdown}${current.slice(at)}`;
    });
  }, [quote]);

  function change(value: string) {
    setBody(value);
    const now = Date.now();
    if (value.trim() && now - lastTyping.current >= TYPING_EVERY_MS) {
      lastTyping.current = now;
      sendTyping(postId);
    }
  }

  function submit() {
    const text = body.trim();
    if (!text) return;
    const clientId = newClientId();
    const replyToId = replyTo?.id;
    thread.getState().addOptimistic(clientId, text, { id: me.id, username: me.username, avatarUrl: me.avatarUrl }, replyToId);
    thread.getState().setReplyTo(null);
    setBody("");
    draft.sent();
    lastTyping.current = 0;
    void sendComment(thread, postId, clientId, text, describe.error, replyToId);
  }

  return (
    <form
      aria-label={t("write")}
      className="flex gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Avatar username={me.username} src={me.avatarUrl} className="mt-9 hidden sm:inline-flex" />
      <div className="min-w-0 flex-1 space-y-2">
        {replyTo && (
          <div
            data-testid="replying-to"
            className="flex items-center justify-between gap-2 rounded-lg bg-zinc-100 px-3 py-1.5 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            <a href={`#comment-${replyTo.id}`} className="truncate hover:underline">
              {tf("replyingTo", { name: `@${replyTo.author.username}`, seq: replyTo.seq })}
            </a>
            <button
              type="button"
              onClick={() => thread.getState().setReplyTo(null)}
              aria-label={tf("cancelReply", { name: `@${replyTo.author.username}` })}
              className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
            >
              <XIcon className="size-4" />
            </button>
          </div>
        )}
        <MarkdownEditor
          id={`comment-body-${postId}`}
          label={t("yours")}
          value={body}
          onChange={change}
          rows={4}
          maxLength={20000}
          placeholder={t("placeholder")}
          onSubmit={submit}
          textareaRef={textarea}
        />
        <div className="flex flex-wrap items-center justify-end gap-3">
          <DraftStatus
            status={draft.status}
            canDiscard={draft.stored || body.trim() !== ""}
            onDiscard={() => {
              draft.discard();
              setBody("");
            }}
          />
          <span className="hidden text-xs text-zinc-400 sm:inline dark:text-zinc-500">{t("shortcut")}</span>
          <Button type="submit" disabled={body.trim() === ""}>
            {t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}
