"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { sendTyping } from "@/components/realtime/live";
import { newClientId } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Avatar } from "@/components/ui/Avatar";
import { Button } from "@/components/ui/Button";
import type { Me } from "@/components/posts/me";
import { sendComment } from "./sendComment";

const TYPING_EVERY_MS = 2000;

/** Writes a comment: shown at once as "sending…", replaced by the server's copy when it lands. */
export function Composer({ postId, me }: { postId: string; me: Me }) {
  const t = useTranslations("comments");
  const describe = useErrorText();
  const thread = useThreadStoreApi();
  const [body, setBody] = useState("");
  const lastTyping = useRef(0);

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
    thread.getState().addOptimistic(clientId, text, { id: me.id, username: me.username });
    setBody("");
    lastTyping.current = 0;
    void sendComment(thread, postId, clientId, text, describe.error);
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
      <Avatar username={me.username} className="mt-9 hidden sm:inline-flex" />
      <div className="min-w-0 flex-1 space-y-2">
        <MarkdownEditor
          id={`comment-body-${postId}`}
          label={t("yours")}
          value={body}
          onChange={change}
          rows={4}
          maxLength={20000}
          placeholder={t("placeholder")}
          onSubmit={submit}
        />
        <div className="flex items-center justify-end gap-3">
          <span className="hidden text-xs text-zinc-400 sm:inline dark:text-zinc-500">{t("shortcut")}</span>
          <Button type="submit" disabled={body.trim() === ""}>
            {t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}
