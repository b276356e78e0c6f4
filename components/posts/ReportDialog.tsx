"use client";
import { useState } from "react";
import { call, ApiError, errorMessage } from "@/components/api";
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
      setError(err instanceof ApiError && err.fieldErrors().reason ? `Reason ${err.fieldErrors().reason}.` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={`Report this ${target.type}`}>
      {done ? (
        <div className="space-y-4">
          <Alert tone="green">Thanks — the moderators will take a look.</Alert>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <div>
            <label htmlFor={fieldId} className="mb-1.5 block text-sm text-zinc-600 dark:text-zinc-400">
              What is wrong with it? Moderators see your reason; the author does not.
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
              placeholder="e.g. spam, harassment, off-topic…"
              className={inputClass}
            />
            <FieldError id={`${fieldId}-error`} message={error ?? undefined} />
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy || reason.trim().length === 0}>
              {busy ? "Sending…" : "Send report"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
