"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Post } from "@/server/dto";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Button } from "@/components/ui/Button";
import { Alert, Field } from "@/components/ui/Field";

/** Edits a post's title and body in place. */
export function PostEditForm({ post, onSaved, onCancel }: { post: Post; onSaved: (p: Post) => void; onCancel: () => void }) {
  const t = useTranslations("posts");
  const describe = useErrorText();
  const [title, setTitle] = useState(post.title);
  const [body, setBody] = useState(post.body);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const res = await call("PATCH /api/v1/posts/{id}", { params: { id: post.id }, body: { title, body } });
      onSaved(res.post);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (fields.title || fields.body) setErrors(fields);
      else setError(describe.error(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error && <Alert>{error}</Alert>}
      <Field
        name="title"
        id={`edit-title-${post.id}`}
        label={t("title")}
        value={title}
        maxLength={200}
        onChange={(e) => {
          setTitle(e.target.value);
          setErrors(({ title: _fixed, ...rest }) => rest);
        }}
        error={errors.title && describe.field(t("title"), errors.title)}
      />
      <MarkdownEditor
        id={`edit-body-${post.id}`}
        label={t("body")}
        value={body}
        onChange={(v) => {
          setBody(v);
          setErrors(({ body: _fixed, ...rest }) => rest);
        }}
        rows={10}
        maxLength={40000}
        error={errors.body && describe.field(t("body"), errors.body)}
        onSubmit={save}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
