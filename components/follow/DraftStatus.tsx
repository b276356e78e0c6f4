"use client";
import { useTranslations } from "next-intl";
import type { DraftStatus as Status } from "./useDraft";

/** "Draft saved" and a "Discard" button beside a composer's send button. */
export function DraftStatus({ status, canDiscard, onDiscard }: { status: Status; canDiscard: boolean; onDiscard: () => void }) {
  const t = useTranslations("drafts");
  const text = status === "idle" ? null : t(status);
  return (
    <span className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <span role="status" data-testid="draft-status" className={status === "failed" ? "text-red-600 dark:text-red-400" : undefined}>
        {text}
      </span>
      {canDiscard && (
        <button
          type="button"
          onClick={onDiscard}
          className="rounded font-medium text-zinc-600 underline-offset-2 hover:text-red-600 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-300 dark:hover:text-red-400"
        >
          {t("discard")}
        </button>
      )}
    </span>
  );
}
