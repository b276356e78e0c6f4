"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Category } from "@/server/dto";
import { call, ApiError, errorMessage, newClientId } from "@/components/api";
import { MarkdownEditor } from "@/components/markdown/MarkdownEditor";
import { Button } from "@/components/ui/Button";
import { Alert, Field, FieldError, inputClass } from "@/components/ui/Field";
import { useDraft } from "@/components/follow/useDraft";
import { DraftStatus } from "@/components/follow/DraftStatus";

const TITLE_MAX = 200;

export function NewPostForm({ categories, initialCategory }: { categories: Category[]; initialCategory: string }) {
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
    if (!title.trim()) local.title = "Give your post a title.";
    if (!body.trim()) local.body = "Write something for the body.";
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
      if (f.categorySlug) mapped.category = `Category ${f.categorySlug}.`;
      if (f.title) mapped.title = `Title ${f.title}.`;
      if (f.body) mapped.body = `Body ${f.body}.`;
      if (Object.keys(mapped).length) setErrors(mapped);
      else setError(errorMessage(err));
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
          Category
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
        label="Title"
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          clear("title");
        }}
        maxLength={TITLE_MAX}
        placeholder="What do you want to talk about?"
        error={errors.title}
        hint={`${title.length}/${TITLE_MAX}`}
        autoFocus
      />
      <MarkdownEditor
        id="post-body"
        label="Body"
        value={body}
        onChange={(v) => {
          setBody(v);
          clear("body");
        }}
        rows={12}
        maxLength={40000}
        placeholder="Add details, context, code…"
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
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Publishing…" : "Publish post"}
        </Button>
      </div>
    </form>
  );
}
