"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";

export function ChangePasswordForm() {
  const { error: describeError } = useErrorText();
  const t = useTranslations("account.security.password");
  const router = useRouter();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirm: "" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (values.newPassword !== values.confirm) return setFields({ confirm: t("mismatch") });
    setFields({});
    setBusy(true);
    try {
      await call("POST /api/v1/me/password", { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      setValues({ currentPassword: "", newPassword: "", confirm: "" });
      setDone(true);
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setFields(err.fieldErrors());
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t("heading")}>
      {error && <Alert>{error}</Alert>}
      {done && <Alert tone="green">{t("done")}</Alert>}
      <Field
        name="currentPassword"
        label={t("current")}
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={set("currentPassword")}
        error={fields.currentPassword}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="newPassword"
          label={t("new")}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={256}
          value={values.newPassword}
          onChange={set("newPassword")}
          error={fields.newPassword}
          hint={t("hint")}
        />
        <Field
          name="confirm"
          label={t("confirm")}
          type="password"
          autoComplete="new-password"
          required
          value={values.confirm}
          onChange={set("confirm")}
          error={fields.confirm}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={busy}>
          {busy ? t("saving") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
