"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Category, Comment } from "@/server/dto";
import { Button } from "@/components/ui/Button";
import { EyeIcon, EyeOffIcon } from "@/components/ui/icons";
import { adminApi, useDescribeError } from "./admin-api";

interface Props {
  comment: Pick<Comment, "id" | "hidden">;
  /** Accepted for symmetry with PostModControls; a comment has no category of its own. */
  categories?: Array<Pick<Category, "slug" | "name">>;
  onUpdated?: (comment: Comment) => void;
}

/** Hide or unhide one comment. Render it for staff only. */
export function CommentModControls({ comment, onUpdated }: Props) {
  const t = useTranslations("admin.mod");
  const describeError = useDescribeError();
  const router = useRouter();
  const [hidden, setHidden] = useState(Boolean(comment.hidden));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refresh or a live update brings the truth: it replaces what the last answer said.
  const [truth, setTruth] = useState(comment.hidden);
  if (truth !== comment.hidden) {
    setTruth(comment.hidden);
    setHidden(Boolean(comment.hidden));
  }

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const updated = await adminApi.moderateComment(comment.id, !hidden);
      setHidden(Boolean(updated.hidden));
      onUpdated?.(updated);
      router.refresh();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        onClick={toggle}
        title={hidden ? t("unhideTitle") : t("hideTitle")}
      >
        {hidden ? <EyeIcon className="size-4" /> : <EyeOffIcon className="size-4" />}
        {busy ? t("saving") : hidden ? t("unhide") : t("hide")}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
