"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Alert, FieldError, inputClass } from "@/components/ui/Field";

interface ReportDialogProps {
  open: boolean;
  onClose: () => void;
  target: { type: "post" | "comment"; id: string };
}

/** Asks why, then files a report for the moderators. */
export function ReportDialog({ open, onClose, target }: ReportDialogProps) {
  const t = useTranslations("report");
  const describe = useErrorText();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const fieldId = `report-reason-${target.id}`;

  function close() {
    onClose();
    setTimeout(() => {
      setDone(false);
      setReason("");
      setError(null);
    }, 150);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call("POST /api/v1/reports", { body: { targetType: target.type, targetId: target.id, reason } });
      setDone(true);
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors().reason : undefined;
      setError(field ? describe.field(t("reason"), field) : describe.error(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={t("title", { type: target.type })}>
      {done ? (
        <div className="space-y-4">
          <Alert tone="green">{t("thanks")}</Alert>
          <div className="flex justify-end">
            <Button onClick={close}>{t("done")}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <div>
            <label htmlFor={fieldId} className="mb-1.5 block text-sm text-zinc-600 dark:text-zinc-400">
              {t("question")}
            </label>
            <textarea
              id={fieldId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={4}
              maxLength={1000}
              required
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
              placeholder={t("placeholder")}
              className={inputClass}
            />
            <FieldError id={`${fieldId}-error`} message={error ?? undefined} />
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={busy || reason.trim().length === 0}>
              {busy ? t("sending") : t("send")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
