"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/Dialog";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { adminApi, dayToIso, tomorrow, useDescribeError, type AdminUser, type ModeratedUser } from "./admin-api";

/** Ban with a reason (required) and an optional end date; permanent when the date is empty. */
export function BanDialog({
  user,
  onClose,
  onBanned,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onBanned: (u: ModeratedUser) => void;
}) {
  const t = useTranslations("admin.ban");
  const describeError = useDescribeError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!user) return;
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const until = dayToIso(String(form.get("until") ?? ""));
      onBanned(await adminApi.ban(user.id, { reason: String(form.get("reason") ?? "").trim(), ...(until ? { until } : {}) }));
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={user !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={user ? t("title", { username: user.username }) : t("ban")}
    >
      {user && (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("explain")}
          </p>
          <Field label={t("reason")} name="reason" required maxLength={500} autoFocus placeholder={t("reasonPlaceholder")} />
          <Field label={t("until")} name="until" type="date" min={tomorrow()} hint={t("untilHint")} />
          {error && <Alert>{error}</Alert>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose} disabled={busy}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={busy}>
              {busy ? t("banning") : t("ban")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
