"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Alert, inputClass } from "@/components/ui/Field";
import { adminApi, dayToIso, tomorrow, useDescribeError, type QueueReport, type ResolveAction } from "./admin-api";

/** The decision on one open report: a note, then one action. Delete and ban ask to be confirmed. */
export function ResolveForm({ report, onResolved }: { report: QueueReport; onResolved: (r: QueueReport) => void }) {
  const tr = useTranslations("admin.resolve");
  const describeError = useDescribeError();
  const id = useId();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState<"delete" | "ban" | null>(null);
  const [banUntil, setBanUntil] = useState("");
  const [busy, setBusy] = useState<ResolveAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = report.target;
  const item = t ? ("post" in t ? t.post : t.comment) : null;
  const gone = !item || Boolean(t?.deleted);
  const hidden = Boolean(item?.hidden);
  const locked = Boolean(t && "post" in t && t.post.locked);

  async function resolve(action: ResolveAction) {
    setBusy(action);
    setError(null);
    try {
      const input = { action, note: note.trim() || undefined, ...(action === "ban" ? { banUntil: dayToIso(banUntil) } : {}) };
      onResolved(await adminApi.resolve(report.id, input));
    } catch (err) {
      setError(describeError(err));
      setBusy(null);
    }
  }

  const act = (action: ResolveAction, disabled = false, destructive = false) => (
    <Button
      size="sm"
      variant="secondary"
      className={destructive ? "text-red-700! dark:text-red-400!" : undefined}
      disabled={busy !== null || disabled}
      onClick={() => (action === "delete" || action === "ban" ? setConfirming(action) : resolve(action))}
    >
      {busy === action ? tr("working") : tr(`actions.${action}`)}
    </Button>
  );

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-note`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {tr("note")}
        </label>
        <input
          id={`${id}-note`}
          className={inputClass}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          placeholder={tr("notePlaceholder")}
        />
      </div>
      {confirming ? (
        <div className="flex flex-wrap items-end gap-2 rounded-lg border border-red-200 bg-red-50/60 p-3 dark:border-red-900 dark:bg-red-950/30">
          {confirming === "ban" ? (
            <div>
              <label htmlFor={`${id}-until`} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
                {tr("banUntil")}
              </label>
              <input
                id={`${id}-until`}
                type="date"
                min={tomorrow()}
                className={inputClass}
                value={banUntil}
                onChange={(e) => setBanUntil(e.target.value)}
              />
            </div>
          ) : (
            <p className="text-sm text-red-800 dark:text-red-200">{tr("confirmDelete", { type: report.targetType })}</p>
          )}
          <Button size="sm" variant="danger" disabled={busy !== null} onClick={() => resolve(confirming)}>
            {busy
              ? tr("working")
              : confirming === "ban"
                ? item
                  ? tr("banUser", { username: item.author.username })
                  : tr("actions.ban")
                : tr("actions.delete")}
          </Button>
          <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setConfirming(null)}>
            {tr("cancel")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {act("dismiss")}
          {act("hide", gone || hidden)}
          {act("lock", gone || locked)}
          {act("delete", gone, true)}
          {act("ban", gone, true)}
        </div>
      )}
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
