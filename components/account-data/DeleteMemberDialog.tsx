"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Alert } from "@/components/ui/Field";

/** Admins: confirm deleting a member's account (audited server-side); `onDeleted` drops the row. */
export function DeleteMemberDialog({
  user,
  onClose,
  onDeleted,
}: {
  user: { id: string; username: string } | null;
  onClose(): void;
  onDeleted(id: string): void;
}) {
  const t = useTranslations("accountData.admin");
  const { error: describeError } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      await call("DELETE /api/v1/admin/users/{id}", { params: { id: user.id } });
      onDeleted(user.id);
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={user !== null} onClose={onClose} title={t("confirmTitle", { username: user?.username ?? "" })}>
      <div className="space-y-4">
        <Alert tone="amber">{t("confirmBody")}</Alert>
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
            {t("confirm")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
