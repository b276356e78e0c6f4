"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Alert } from "@/components/ui/Field";
import { FlagIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { ReportDialog } from "./ReportDialog";

interface ItemActionsProps {
  target: { type: "post" | "comment"; id: string };
  canEdit: boolean;
  canReport: boolean;
  onEdit: () => void;
  /** Performs the delete; throws to keep the dialog open with the error. */
  onDelete: () => Promise<void>;
}

/** Edit / Delete for the author and staff, Report for everyone else signed in. */
export function ItemActions({ target, canEdit, canReport, onEdit, onDelete }: ItemActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canEdit && !canReport) return null;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setConfirming(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-0.5">
      {canEdit && (
        <>
          <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${target.type}`}>
            <PencilIcon className="size-3.5" />
            <span className="hidden sm:inline">Edit</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${target.type}`}>
            <TrashIcon className="size-3.5" />
            <span className="hidden sm:inline">Delete</span>
          </Button>
        </>
      )}
      {canReport && (
        <Button variant="ghost" size="sm" onClick={() => setReporting(true)} aria-label={`Report ${target.type}`}>
          <FlagIcon className="size-3.5" />
          <span className="hidden sm:inline">Report</span>
        </Button>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Delete this ${target.type}?`}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {target.type === "post" ? "The post and its comments will disappear for everyone." : "The comment will disappear for everyone."}{" "}
          This cannot be undone.
        </p>
        {error && (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={remove} disabled={busy}>
            {busy ? "Deleting…" : "Delete"}
          </Button>
        </div>
      </Dialog>
      {canReport && <ReportDialog open={reporting} onClose={() => setReporting(false)} target={target} />}
    </div>
  );
}
