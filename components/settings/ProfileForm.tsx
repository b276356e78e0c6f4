"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert, FieldError, inputClass } from "@/components/ui/Field";
import { chooseLocale } from "./locale";

const BIO_MAX = 500;

/** The bio (plain text) and the interface language, saved together. */
export function ProfileForm({
  bio: initialBio,
  locale: initialLocale,
  choices,
}: {
  bio: string;
  locale: string;
  choices: Array<{ locale: string; name: string }>;
}) {
  const t = useTranslations("settings.profile.about");
  const { error: describeError } = useErrorText();
  const router = useRouter();
  const [bio, setBio] = useState(initialBio);
  const [locale, setLocale] = useState(initialLocale);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    setSaved(false);
    try {
      await call("PATCH /api/v1/me", { body: { bio } });
      if (locale !== initialLocale) await chooseLocale(locale, true);
      setSaved(true);
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setFields(err.fieldErrors());
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 p-4" aria-label={t("heading")}>
      {error && <Alert>{error}</Alert>}
      {saved && <Alert tone="green">{t("saved")}</Alert>}
      <div>
        <label htmlFor="field-bio" className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("bio")}
        </label>
        <textarea
          id="field-bio"
          name="bio"
          rows={4}
          maxLength={BIO_MAX}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          aria-invalid={fields.bio ? true : undefined}
          aria-describedby={fields.bio ? "field-bio-error" : "field-bio-hint"}
          className={inputClass}
        />
        {fields.bio ? (
          <FieldError id="field-bio-error" message={t("bioTooLong", { max: BIO_MAX })} />
        ) : (
          <p id="field-bio-hint" className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            {t("bioHint", { left: BIO_MAX - bio.length })}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="field-locale" className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("language")}
        </label>
        <select id="field-locale" name="locale" value={locale} onChange={(e) => setLocale(e.target.value)} className={inputClass}>
          {choices.map((c) => (
            <option key={c.locale} value={c.locale} lang={c.locale}>
              {c.name}
            </option>
          ))}
        </select>
        <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">{t("languageHint")}</p>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={busy}>
          {busy ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
