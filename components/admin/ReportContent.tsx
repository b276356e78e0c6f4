import Link from "next/link";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/Avatar";
import { Badge } from "@/components/ui/Badge";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { HiddenBadge, PostBadges } from "@/components/posts/PostBadges";
import { plainText } from "@/components/markdown/plain";
import type { QueueReport } from "./admin-api";
import type { UserRef } from "@/server/dto";

function Author({ user: { username, avatarUrl } }: { user: UserRef }) {
  return (
    <Link
      href={`/u/${encodeURIComponent(username)}`}
      className="inline-flex items-center gap-1.5 font-medium text-zinc-800 hover:underline dark:text-zinc-200"
    >
      <Avatar username={username} src={avatarUrl} size="xs" />
      {username}
    </Link>
  );
}

function Deleted() {
  const t = useTranslations("admin.reports");
  return <Badge tone="red">{t("deleted")}</Badge>;
}

/** The reported post or comment, as staff see it: hidden items included, state flagged. */
export function ReportContent({ target }: { target: QueueReport["target"] }) {
  const t = useTranslations("admin.reports");
  if (!target) return <p className="text-sm text-zinc-500 italic dark:text-zinc-400">{t("itemGone")}</p>;
  if ("post" in target) {
    const p = target.post;
    return (
      <div className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/p/${p.id}`} className="font-semibold break-words text-zinc-900 hover:underline dark:text-white">
            {p.title}
          </Link>
          <PostBadges pinned={p.pinned} locked={p.locked} hidden={p.hidden} />
          {target.deleted && <Deleted />}
        </div>
        <p className="line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">{plainText(p.bodyHtml)}</p>
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
          <Author user={p.author} /> {t("inCategory", { name: p.category.name })} · <RelativeTime iso={p.createdAt} />
        </p>
      </div>
    );
  }
  const c = target.comment;
  return (
    <div className="space-y-1.5">
      <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          {t.rich("commentOn", {
            title: target.postTitle,
            post: (chunks) => (
              <Link href={`/p/${c.postId}#comment-${c.id}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
                {chunks}
              </Link>
            ),
          })}
        </span>
        {c.hidden && <HiddenBadge />}
        {target.deleted && <Deleted />}
      </p>
      {/* bodyHtml is sanitized by the server (no scripts, handlers or unsafe URLs). */}
      <div
        className="prose max-h-48 overflow-y-auto rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-950/40"
        dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
      />
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        <Author user={c.author} /> · <RelativeTime iso={c.createdAt} />
      </p>
    </div>
  );
}
