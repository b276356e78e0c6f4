"use client";
import { useTranslations } from "next-intl";
import { useThreadStore } from "@/components/stores/ThreadStoreProvider";

/**
 * "alice is typing…", from the thread store; the line keeps its height so nothing jumps. Not a
 * live region: typing comes and goes too often to be read aloud; the comment itself is announced.
 */
export function TypingIndicator({ selfId }: { selfId?: string }) {
  const t = useTranslations("comments");
  const typing = useThreadStore((s) => s.typing);
  const names = Object.entries(typing)
    .filter(([id]) => id !== selfId)
    .map(([, t]) => t.username);
  return (
    <p className="flex h-6 items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      {names.length > 0 && (
        <>
          <span className="flex gap-0.5" aria-hidden="true">
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:-0.3s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:-0.15s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400" />
          </span>
          {names.length === 1
            ? t("typingOne", { name: names[0] })
            : names.length === 2
              ? t("typingTwo", { first: names[0], second: names[1] })
              : t("typingMany", { count: names.length })}
        </>
      )}
    </p>
  );
}
