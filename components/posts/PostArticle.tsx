"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Category, Post, ReactionKind } from "@/server/dto";
import { call } from "@/components/api";
import { useThreadStore, useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { Avatar } from "@/components/ui/Avatar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatDateTime } from "@/components/ui/time";
import { ChevronRightIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import { PostBadges, hiddenTint } from "./PostBadges";
import { ReactionBar } from "./ReactionBar";
import { ItemActions } from "./ItemActions";
import { PostEditForm } from "./PostEditForm";
import { ViewersCount } from "./ViewersCount";
import { PostModControls } from "@/components/admin/PostModControls";
import { WatchControl } from "@/components/follow/WatchControl";
import { canModify, canReport, isStaffRole, type Me } from "./me";
import { AuthorLink, useAuthorName } from "@/components/account-data/AuthorLink";

/** The post itself: title, meta, body, reactions and the author's/staff's actions. */
interface PostArticleProps {
  post: Post;
  me: Me | null;
  mine: ReactionKind | null;
  /** Given to staff, for moving the post. */
  categories?: Category[];
}

export function PostArticle({ post, me, mine, categories }: PostArticleProps) {
  const t = useTranslations("posts");
  const authorName = useAuthorName();
  const time = useTranslations("time");
  const locale = useLocale();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const thread = useThreadStoreApi();
  const setPost = useThreadStore((s) => s.setPost);

  async function remove() {
    await call("DELETE /api/v1/posts/{id}", { params: { id: post.id } });
    router.push(`/c/${post.category.slug}`);
    router.refresh();
  }

  return (
    <article aria-labelledby="post-title">
      <div className={cn(post.hidden && cn(hiddenTint, "-m-3 rounded-lg p-3"))}>
        <nav aria-label={t("breadcrumb")} className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
          <Link href="/" className="hover:text-zinc-900 hover:underline dark:hover:text-zinc-100">
            {t("home")}
          </Link>
          <ChevronRightIcon className="size-3.5" />
          <Link href={`/c/${post.category.slug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
            {post.category.name}
          </Link>
        </nav>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1
            id="post-title"
            className="text-2xl leading-tight font-bold tracking-tight break-words text-zinc-900 sm:text-3xl dark:text-white"
          >
            {post.title}
          </h1>
          <PostBadges pinned={post.pinned} locked={post.locked} hidden={post.hidden} />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-500 dark:text-zinc-400">
          <AuthorLink user={post.author} className="group flex items-center gap-2">
            <Avatar username={post.author.username} src={post.author.avatarUrl} size="sm" />
            <span className="font-medium text-zinc-800 group-hover:underline dark:text-zinc-200">{authorName(post.author)}</span>
          </AuthorLink>
          <RelativeTime iso={post.createdAt} />
          {post.editedAt && (
            <span title={formatDateTime(post.editedAt, locale)} className="italic">
              {time("edited")}
            </span>
          )}
          <ViewersCount />
        </div>
        <div className="mt-6">
          {editing ? (
            <PostEditForm
              post={post}
              onCancel={() => setEditing(false)}
              onSaved={(p) => {
                setPost(p);
                setEditing(false);
              }}
            />
          ) : (
            <div className="prose text-zinc-800 dark:text-zinc-200" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          )}
        </div>
        {!editing && (
          <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
            <ReactionBar
              target={{ type: "post", id: post.id }}
              reactions={post.reactions}
              mine={mine}
              canReact={!!me && !me.banned}
              onCounts={(reactions) => setPost({ ...thread.getState().post, reactions })}
            />
            <div className="flex flex-wrap items-center gap-2">
              {me && post.watchLevel && <WatchControl target={{ kind: "post", id: post.id }} level={post.watchLevel} />}
              <ItemActions
                target={{ type: "post", id: post.id }}
                canEdit={canModify(me, post.author.id)}
                canReport={canReport(me, post.author.id)}
                onEdit={() => setEditing(true)}
                onDelete={remove}
              />
            </div>
          </div>
        )}
      </div>
      {me && !me.banned && isStaffRole(me.role) && categories && (
        <div className="mt-6">
          <PostModControls post={post} categories={categories} onUpdated={setPost} />
        </div>
      )}
    </article>
  );
}
