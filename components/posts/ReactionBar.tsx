"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReactionCounts, ReactionKind } from "@/server/dto";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { cn } from "@/components/ui/cn";
import { SmilePlusIcon } from "@/components/ui/icons";

/** Each reaction's name is `reactions.<kind>` in the catalogue. */
export const REACTIONS: { kind: ReactionKind; emoji: string }[] = [
  { kind: "LIKE", emoji: "👍" },
  { kind: "LOVE", emoji: "❤️" },
  { kind: "LAUGH", emoji: "😂" },
  { kind: "INSIGHT", emoji: "💡" },
];

interface ReactionBarProps {
  target: { type: "post" | "comment"; id: string };
  reactions: ReactionCounts;
  mine: ReactionKind | null;
  canReact: boolean;
  /** Pushes new counts into the store (optimistically, then the server's). */
  onCounts: (reactions: ReactionCounts) => void;
  /** Shows only the reactions in use, plus a button that opens the full set. */
  compact?: boolean;
}

function shift(counts: ReactionCounts, from: ReactionKind | null, to: ReactionKind | null): ReactionCounts {
  const next = { ...counts };
  if (from) next[from] = Math.max(0, (next[from] ?? 0) - 1);
  if (to) next[to] = (next[to] ?? 0) + 1;
  return next;
}

/** One reaction per member: choosing another replaces it, choosing yours again removes it. */
export function ReactionBar({ target, reactions, mine: initialMine, canReact, onCounts, compact }: ReactionBarProps) {
  const t = useTranslations("reactions");
  const describe = useErrorText();
  const [mine, setMine] = useState(initialMine);
  // A new answer from the server (a member shell's layer, a refresh) replaces the one held.
  const [given, setGiven] = useState(initialMine);
  if (given !== initialMine) {
    setGiven(initialMine);
    setMine(initialMine);
  }
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);

  async function choose(kind: ReactionKind) {
    if (busy) return;
    const before = { mine, reactions };
    const next = mine === kind ? null : kind;
    setBusy(true);
    setError(null);
    setPicking(false);
    setMine(next);
    onCounts(shift(reactions, mine, next));
    try {
      const params = { id: target.id };
      const res =
        target.type === "post"
          ? next
            ? await call("PUT /api/v1/posts/{id}/reaction", { params, body: { kind: next } })
            : await call("DELETE /api/v1/posts/{id}/reaction", { params })
          : next
            ? await call("PUT /api/v1/comments/{id}/reaction", { params, body: { kind: next } })
            : await call("DELETE /api/v1/comments/{id}/reaction", { params });
      setMine(res.mine);
      onCounts(res.reactions);
    } catch (err) {
      setMine(before.mine);
      onCounts(before.reactions);
      setError(describe.error(err));
    } finally {
      setBusy(false);
    }
  }

  const inUse = REACTIONS.filter((r) => (reactions[r.kind] ?? 0) > 0 || mine === r.kind);
  const shown = canReact && (!compact || picking) ? REACTIONS : inUse;
  if (shown.length === 0 && !(canReact && compact)) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={t("group")}>
      {shown.map(({ kind, emoji }) => {
        const n = reactions[kind] ?? 0;
        const active = mine === kind;
        const label = t(kind);
        const text = n ? t("withCount", { label, count: n }) : label;
        const cls = cn(
          "inline-flex h-7 items-center gap-1 rounded-full border px-2 text-sm tabular-nums transition-colors",
          active
            ? "border-accent-300 bg-accent-50 text-accent-800 dark:border-accent-700 dark:bg-accent-950 dark:text-accent-200"
            : "border-zinc-200 text-zinc-600 dark:border-zinc-700 dark:text-zinc-300",
        );
        if (!canReact)
          return (
            <span key={kind} className={cls} title={text}>
              <span aria-hidden="true">
                {emoji}
                {n}
              </span>
              <span className="sr-only">{text}</span>
            </span>
          );
        return (
          <button
            key={kind}
            type="button"
            onClick={() => choose(kind)}
            aria-pressed={active}
            aria-label={text}
            title={label}
            className={cn(
              cls,
              "hover:border-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:border-zinc-600 dark:hover:bg-zinc-800",
              active && "hover:bg-accent-100 dark:hover:bg-accent-900",
            )}
          >
            <span aria-hidden="true">{emoji}</span>
            {n > 0 && <span>{n}</span>}
          </button>
        );
      })}
      {canReact && compact && (
        <button
          type="button"
          onClick={() => setPicking(!picking)}
          aria-expanded={picking}
          aria-label={picking ? t("close") : t("add")}
          title={t("add")}
          className="inline-flex h-7 items-center rounded-full px-1.5 text-zinc-400 transition-colors hover:bg-zinc-100 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          <SmilePlusIcon className="size-4" />
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
