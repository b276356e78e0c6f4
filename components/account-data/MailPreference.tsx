"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Alert } from "@/components/ui/Field";

/** The switch for notification mail, saved as soon as it changes. */
export function MailPreference({ initial }: { initial: boolean }) {
  const t = useTranslations("accountData.mail");
  const { error: describeError } = useErrorText();
  const [on, setOn] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ tone: "green" | "red"; text: string } | null>(null);

  async function toggle(next: boolean) {
    setBusy(true);
    setNote(null);
    try {
      const saved = await call("PATCH /api/v1/me/preferences", { body: { emailNotifications: next } });
      setOn(saved.emailNotifications);
      setNote({ tone: "green", text: t("saved") });
    } catch (err) {
      setNote({ tone: "red", text: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3 p-4">
      <label className="flex cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          name="emailNotifications"
          className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-600 dark:border-zinc-600"
          checked={on}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <span>
          <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{t("label")}</span>
          <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</span>
        </span>
      </label>
      {note && <Alert tone={note.tone}>{note.text}</Alert>}
    </div>
  );
}
