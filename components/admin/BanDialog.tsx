"use client";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/Dialog";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";
import { adminApi, dayToIso, describeError, tomorrow, type AdminUser, type ModeratedUser } from "./admin-api";

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
      title={user ? `Ban ${user.username}` : "Ban"}
    >
      {user && (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Their open tabs disconnect at once and they can no longer post, comment or react. You can lift the ban any time.
          </p>
          <Field label="Reason" name="reason" required maxLength={500} autoFocus placeholder="Shown to them, and kept in the audit log" />
          <Field label="Until (optional)" name="until" type="date" min={tomorrow()} hint="Leave empty for a permanent ban." />
          {error && <Alert>{error}</Alert>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy}>
              {busy ? "Banning…" : "Ban"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
