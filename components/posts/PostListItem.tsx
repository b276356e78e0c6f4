import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Post } from "@/server/dto";
import { Avatar } from "@/components/ui/Avatar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { MessageIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import { UnreadBadge } from "@/components/follow/UnreadBadge";
import { PostBadges, hiddenTint } from "./PostBadges";
import { AuthorLink } from "@/components/account-data/AuthorLink";

/** One row of a post list; the whole row opens the post, inner links stay clickable. */
export function PostListItem({ post, showCategory = true }: { post: Post; showCategory?: boolean }) {
  const t = useTranslations("posts");
  const time = useTranslations("time");
  const active = post.commentCount > 0 ? post.lastActivityAt : post.createdAt;
  return (
    <li
      className={cn(
        "group relative flex items-start gap-3 px-4 py-3.5 transition-colors hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/40",
        post.hidden && hiddenTint,
      )}
      data-testid="post-item"
    >
      <Avatar username={post.author.username} src={post.author.avatarUrl} className="mt-0.5" />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={`/p/${post.id}`}
            className="min-w-0 font-semibold break-words text-zinc-900 group-hover:text-accent-700 before:absolute before:inset-0 focus-visible:outline-none focus-visible:before:rounded-lg focus-visible:before:ring-2 focus-visible:before:ring-accent-500 dark:text-zinc-100 dark:group-hover:text-accent-300"
          >
            {post.title}
          </Link>
          <PostBadges pinned={post.pinned} locked={post.locked} hidden={post.hidden} />
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-1.5 text-sm text-zinc-500 dark:text-zinc-400">
          {showCategory && (
            <>
              <Link
                href={`/c/${post.category.slug}`}
                className="relative rounded font-medium text-zinc-600 hover:text-accent-700 hover:underline dark:text-zinc-300 dark:hover:text-accent-300"
              >
                {post.category.name}
              </Link>
              <span aria-hidden="true">·</span>
            </>
          )}
          <AuthorLink user={post.author} className="relative rounded hover:underline" />
          <span aria-hidden="true">·</span>
          <RelativeTime iso={active} prefix={post.commentCount > 0 ? time("active") : undefined} />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-2 self-center">
        <UnreadBadge post={post} />
        <div
          className="flex items-center gap-1 rounded-full px-2 py-0.5 text-sm text-zinc-500 tabular-nums dark:text-zinc-400"
          aria-label={t("comments", { count: post.commentCount })}
        >
          <MessageIcon className="size-4" />
          {post.commentCount}
        </div>
      </div>
    </li>
  );
}
