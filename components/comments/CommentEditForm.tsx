"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Comment } from "@/server/dto";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Button } from "@/components/ui/Button";

export function CommentEditForm({ comment, onSaved, onCancel }: { comment: Comment; onSaved: (c: Comment) => void; onCancel: () => void }) {
  const t = useTranslations("comments");
  const describe = useErrorText();
  const [body, setBody] = useState(comment.body);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const res = await call("PATCH /api/v1/comments/{id}", { params: { id: comment.id }, body: { body } });
      onSaved(res.comment);
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors().body : undefined;
      setError(field ? describe.field(t("comment"), field) : describe.error(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <MarkdownEditor
        id={`edit-comment-${comment.id}`}
        label={t("edit")}
        hideLabel
        value={body}
        onChange={setBody}
        rows={4}
        maxLength={20000}
        error={error ?? undefined}
        onSubmit={save}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" size="sm" disabled={busy || body.trim() === ""}>
          {busy ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
