"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/i18n/errors";
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
  const t = useTranslations("actions");
  const describe = useErrorText();
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
      setError(describe.error(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-0.5">
      {canEdit && (
        <>
          <Button variant="ghost" size="sm" onClick={onEdit} aria-label={t("editLabel", { type: target.type })}>
            <PencilIcon className="size-3.5" />
            <span className="hidden sm:inline">{t("edit")}</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={t("deleteLabel", { type: target.type })}>
            <TrashIcon className="size-3.5" />
            <span className="hidden sm:inline">{t("delete")}</span>
          </Button>
        </>
      )}
      {canReport && (
        <Button variant="ghost" size="sm" onClick={() => setReporting(true)} aria-label={t("reportLabel", { type: target.type })}>
          <FlagIcon className="size-3.5" />
          <span className="hidden sm:inline">{t("report")}</span>
        </Button>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("confirmTitle", { type: target.type })}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("confirmBody", { type: target.type })}
        </p>
        {error && (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={remove} disabled={busy}>
            {busy ? t("deleting") : t("delete")}
          </Button>
        </div>
      </Dialog>
      {canReport && <ReportDialog open={reporting} onClose={() => setReporting(false)} target={target} />}
    </div>
  );
}
