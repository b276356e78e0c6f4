import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer } from "@/server/auth/viewer";
import { Avatar } from "@/components/ui/Avatar";
import { RoleBadge } from "@/components/ui/Badge";
import { Card, CardHeader } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatDate } from "@/components/ui/time";
import { PostListItem } from "@/components/posts/PostListItem";
import { plainText } from "@/components/markdown/plain";
import { orNotFound } from "../../_components/load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  return { title: decodeURIComponent(username) };
}

export default async function ProfilePage({ params }: Props) {
  const { username } = await params;
  const viewer = await getViewer();
  const { user, posts, comments } = await orNotFound(getServices().profiles.get(decodeURIComponent(username), viewer));
  const isMe = viewer?.id === user.id;
  const [t, locale] = await Promise.all([getTranslations("profile"), getLocale()]);
  return (
    <div className="space-y-6">
      <Card className="flex flex-col items-start gap-4 p-5 sm:flex-row sm:items-center sm:p-6">
        <Avatar username={user.username} src={user.avatarUrl} size="lg" />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold tracking-tight break-all text-zinc-900 dark:text-white">{user.username}</h1>
            <RoleBadge role={user.role} />
            {isMe && <span className="text-sm text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
          </div>
          {user.bio && <p className="mt-1 max-w-2xl break-words whitespace-pre-line text-zinc-700 dark:text-zinc-300">{user.bio}</p>}
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            {t("summary", {
              role: user.role,
              joined: formatDate(user.createdAt, locale),
              posts: posts.length,
              comments: comments.length,
            })}
          </p>
        </div>
      </Card>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("recentPosts")} />
          {posts.length === 0 ? (
            <EmptyState title={t("noPosts")}>{isMe ? t("noPostsMine") : t("noPostsTheirs", { username: user.username })}</EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {posts.map((p) => (
                <PostListItem key={p.id} post={p} />
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title={t("recentComments")} />
          {comments.length === 0 ? (
            <EmptyState title={t("noComments")}>
              {isMe ? t("noCommentsMine") : t("noCommentsTheirs", { username: user.username })}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {comments.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/p/${c.postId}#comment-${c.id}`}
                    className="block px-4 py-3.5 transition-colors hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/40"
                  >
                    <span className="block text-sm text-zinc-500 dark:text-zinc-400">
                      {t.rich("onPost", {
                        title: c.postTitle,
                        post: (chunks) => <span className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</span>,
                      })}{" "}
                      ·{" "}
                      <RelativeTime iso={c.createdAt} />
                    </span>
                    <span className="mt-1 line-clamp-2 block text-[0.95rem] text-zinc-700 dark:text-zinc-300">{plainText(c.bodyHtml)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
