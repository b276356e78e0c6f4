"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiError, call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Avatar } from "@/components/ui/Avatar";
import { Button, buttonClass } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

const TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const MAX_BYTES = 5 * 1024 * 1024;

/** Choose a picture, see it in place, save it (the server crops and shrinks it) or remove it. */
export function AvatarForm({ username, avatarUrl }: { username: string; avatarUrl: string | null }) {
  const t = useTranslations("settings.profile.avatar");
  const { error: describeError } = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // The preview's object URL is let go when it is replaced and when the form goes away.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  function choose(e: React.ChangeEvent<HTMLInputElement>) {
    setError(null);
    setSaved(false);
    const chosen = e.target.files?.[0] ?? null;
    if (chosen && !TYPES.includes(chosen.type)) return setError(t("wrongType"));
    if (chosen && chosen.size > MAX_BYTES) return setError(t("tooLarge"));
    setFile(chosen);
    setPreview(chosen ? URL.createObjectURL(chosen) : null);
  }

  function reset() {
    setFile(null);
    setPreview(null);
    if (input.current) input.current.value = "";
  }

  async function save() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/me/avatar", {
        method: "PUT",
        headers: { "content-type": file.type },
        body: file,
        credentials: "same-origin",
      });
      if (!res.ok) {
        const e = (await res.json().catch(() => null))?.error;
        throw new ApiError(res.status, e?.code ?? "INTERNAL", e?.message ?? res.statusText, e?.details ?? []);
      }
      reset();
      setSaved(true);
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError && err.code === "VALIDATION_FAILED" ? t("notAnImage") : describeError(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await call("DELETE /api/v1/me/avatar");
      setSaved(false);
      router.refresh();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 p-4 sm:flex-row sm:items-center">
      <Avatar username={username} src={preview ?? avatarUrl} size="xl" label={preview ? t("previewLabel") : t("currentLabel")} />
      <div className="min-w-0 flex-1 space-y-3">
        {error && <Alert>{error}</Alert>}
        {saved && <Alert tone="green">{t("saved")}</Alert>}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
        <input ref={input} id="avatar-file" type="file" accept={TYPES.join(",")} onChange={choose} className="sr-only" />
        <div className="flex flex-wrap gap-2">
          {file ? (
            <>
              <Button onClick={save} disabled={busy}>
                {busy ? t("saving") : t("save")}
              </Button>
              <Button variant="secondary" onClick={reset} disabled={busy}>
                {t("cancel")}
              </Button>
            </>
          ) : (
            <>
              <label
                htmlFor="avatar-file"
                className={buttonClass(
                  "secondary",
                  "md",
                  "cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                )}
              >
                {avatarUrl ? t("change") : t("upload")}
              </label>
              {avatarUrl && (
                <Button variant="ghost" onClick={remove} disabled={busy}>
                  {t("remove")}
                </Button>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
