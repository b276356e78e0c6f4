"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Category } from "@/server/dto";
import { call, ApiError, newClientId } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Button } from "@/components/ui/Button";
import { Alert, Field, FieldError, inputClass } from "@/components/ui/Field";
import { useDraft } from "@/components/follow/useDraft";
import { DraftStatus } from "@/components/follow/DraftStatus";

const TITLE_MAX = 200;

export function NewPostForm({ categories, initialCategory }: { categories: Category[]; initialCategory: string }) {
  const t = useTranslations("posts");
  const describe = useErrorText();
  const router = useRouter();
  const [category, setCategory] = useState(initialCategory);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per draft: a double submit or a retry after a lost response yields one post.
  const clientId = useRef(newClientId());
  const clear = (field: string) => errors[field] && setErrors(({ [field]: _fixed, ...rest }) => rest);
  const draft = useDraft(
    "new-post",
    { title, body },
    {
      enabled: true,
      onRestore: (d) => {
        setTitle(d.title ?? "");
        setBody(d.body);
      },
    },
  );

  async function submit() {
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = t("titleMissing");
    if (!body.trim()) local.body = t("bodyMissing");
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const res = await call("POST /api/v1/posts", { body: { categorySlug: category, title, body, clientId: clientId.current } });
      draft.sent();
      router.push(`/p/${res.post.id}`);
      router.refresh();
    } catch (err) {
      const f = err instanceof ApiError ? err.fieldErrors() : {};
      const mapped: Record<string, string> = {};
      if (f.categorySlug) mapped.category = describe.field(t("category"), f.categorySlug);
      if (f.title) mapped.title = describe.field(t("title"), f.title);
      if (f.body) mapped.body = describe.field(t("body"), f.body);
      if (Object.keys(mapped).length) setErrors(mapped);
      else setError(describe.error(err));
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {error && <Alert>{error}</Alert>}
      <div>
        <label htmlFor="post-category" className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("category")}
        </label>
        <select
          id="post-category"
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            clear("category");
          }}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={errors.category ? "post-category-error" : undefined}
          className={`${inputClass} sm:max-w-xs`}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="post-category-error" message={errors.category} />
      </div>
      <Field
        name="title"
        id="post-title"
        label={t("title")}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          clear("title");
        }}
        maxLength={TITLE_MAX}
        placeholder={t("titlePlaceholder")}
        error={errors.title}
        hint={`${title.length}/${TITLE_MAX}`}
        autoFocus
      />
      <MarkdownEditor
        id="post-body"
        label={t("body")}
        value={body}
        onChange={(v) => {
          setBody(v);
          clear("body");
        }}
        rows={12}
        maxLength={40000}
        placeholder={t("bodyPlaceholder")}
        error={errors.body}
        onSubmit={submit}
      />
      <div className="flex flex-wrap items-center justify-end gap-2">
        <DraftStatus
          status={draft.status}
          canDiscard={draft.stored || title.trim() !== "" || body.trim() !== ""}
          onDiscard={() => {
            draft.discard();
            setTitle("");
            setBody("");
          }}
        />
        <Button variant="secondary" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? t("publishing") : t("publish")}
        </Button>
      </div>
    </form>
  );
}
