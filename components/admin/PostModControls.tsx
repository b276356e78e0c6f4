"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Category, Post } from "@/server/dto";
import type { TPostModeration } from "@/server/moderation/moderation.schema";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { EyeIcon, EyeOffIcon, LockIcon, PinIcon, ShieldIcon } from "@/components/ui/icons";
import { adminApi, useDescribeError } from "./admin-api";

type ModeratedPost = Pick<Post, "id" | "pinned" | "locked" | "hidden" | "category">;

interface Props {
  post: ModeratedPost;
  categories: Array<Pick<Category, "slug" | "name">>;
  /** Called with the updated post, e.g. to put it in a client store before the refresh lands. */
  onUpdated?: (post: Post) => void;
}

/** Staff controls for one post: pin, lock, hide and move. Render it for staff only. */
export function PostModControls({ post, categories, onUpdated }: Props) {
  const t = useTranslations("admin.mod");
  const describeError = useDescribeError();
  const router = useRouter();
  const id = useId();
  const [shown, setShown] = useState<ModeratedPost>(post);
  const [busy, setBusy] = useState<keyof TPostModeration | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A refresh or a live update brings the truth: it replaces what the last answer said.
  const { pinned, locked, hidden, category } = post;
  const truth = `${post.id} ${pinned} ${locked} ${hidden} ${category.slug}`;
  const [seen, setSeen] = useState(truth);
  if (seen !== truth) {
    setSeen(truth);
    setShown({ id: post.id, pinned, locked, hidden, category });
  }

  async function change(field: keyof TPostModeration, input: TPostModeration) {
    setBusy(field);
    setError(null);
    try {
      const updated = await adminApi.moderatePost(post.id, input);
      setShown(updated);
      onUpdated?.(updated);
      router.refresh();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  // The label names the action (Pin / Unpin), so no aria-pressed: with a label that flips with
  // the state, a screen reader would say "Unpin, pressed".
  const toggle = (field: "pinned" | "locked" | "hidden", on: string, off: string, Icon: typeof PinIcon) => (
    <Button
      size="sm"
      variant="secondary"
      disabled={busy !== null}
      onClick={() => change(field, { [field]: !shown[field] })}
    >
      <Icon className="size-4" />
      {busy === field ? t("saving") : shown[field] ? off : on}
    </Button>
  );

  return (
    <div
      role="group"
      aria-label={t("label")}
      className="rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950/40"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex items-center gap-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          <ShieldIcon className="size-3.5" />
          {t("badge")}
        </span>
        {toggle("pinned", t("pin"), t("unpin"), PinIcon)}
        {toggle("locked", t("lock"), t("unlock"), LockIcon)}
        {toggle("hidden", t("hide"), t("unhide"), shown.hidden ? EyeIcon : EyeOffIcon)}
        <label htmlFor={`${id}-move`} className="sr-only">
          {t("moveLabel")}
        </label>
        <div className="w-48">
          <select
            id={`${id}-move`}
            className={cn(inputClass, "h-8 py-0 pr-8")}
            value={shown.category.slug}
            disabled={busy !== null}
            onChange={(e) => change("categorySlug", { categorySlug: e.target.value })}
          >
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.slug === shown.category.slug ? t("inCategory", { name: c.name }) : t("moveTo", { name: c.name })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
