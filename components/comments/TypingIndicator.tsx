"use client";
import { useThreadStore } from "@/components/stores/ThreadStoreProvider";

function sentence(names: string[]): string {
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}

/** "alice is typing…", from the thread store; the line keeps its height so nothing jumps. */
export function TypingIndicator({ selfId }: { selfId?: string }) {
  const typing = useThreadStore((s) => s.typing);
  const names = Object.entries(typing)
    .filter(([id]) => id !== selfId)
    .map(([, t]) => t.username);
  return (
    <p aria-live="polite" className="flex h-6 items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      {names.length > 0 && (
        <>
          <span className="flex gap-0.5" aria-hidden="true">
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:-0.3s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:-0.15s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-zinc-400" />
          </span>
          {sentence(names)}
        </>
      )}
    </p>
  );
}
