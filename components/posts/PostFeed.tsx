"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { announce } from "@/components/a11y/Announcer";
import type { Post } from "@/server/dto";
import { useLiveRoom } from "@/components/realtime/live";
import { catchUpFeed } from "@/components/realtime/catchup";
import type { FeedScope } from "@/components/stores/feed";
import { FeedStoreProvider, useFeedStore, useFeedStoreApi } from "@/components/stores/FeedStoreProvider";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { ArrowUpIcon } from "@/components/ui/icons";
import { useShellLayer } from "@/components/personal/layer";
import { PostListItem } from "./PostListItem";

interface PostFeedProps {
  scope: FeedScope;
  initial: { posts: Post[]; nextCursor: string | null };
  showCategory?: boolean;
  empty: ReactNode;
  /** The member's "unread" or "new" posts instead of all (home feed only). */
  filter?: "unread" | "new";
  /** Rendered for members in general: each post's read state comes from the page's layer. */
  shell?: boolean;
}

/** A live list of posts: server data first, then socket updates through the feed store. */
export function PostFeed(props: PostFeedProps) {
  return (
    <FeedStoreProvider scope={props.scope} posts={props.initial.posts}>
      <LiveFeed {...props} />
    </FeedStoreProvider>
  );
}

function LiveFeed({ scope, initial, showCategory = true, empty, filter, shell = false }: PostFeedProps) {
  const t = useTranslations("posts");
  const describe = useErrorText();
  const feed = useFeedStoreApi();
  const states = useShellLayer(shell)?.list?.posts;
  useLayoutEffect(() => {
    // A member shell: the reader's read state on each post, as the page hydrates (live events
    // that landed since stay).
    if (states) feed.getState().applyReadStates(states);
  }, [states, feed]);
  const catchUp = useCallback(() => catchUpFeed(feed), [feed]);
  useLiveRoom(scope, catchUp);
  const posts = useFeedStore((s) => s.posts);
  const pendingCount = useFeedStore((s) => s.pendingCount);
  const ta = useTranslations("a11y");
  const announced = useRef(0);
  useEffect(() => {
    // "3 new posts" is said when the count grows, not when the reader shows them (it drops to 0).
    if (pendingCount > announced.current) announce(ta("newPosts", { count: pendingCount }));
    announced.current = pendingCount;
  }, [pendingCount, ta]);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page =
        scope === "forum"
          ? await call("GET /api/v1/posts", { query: { cursor, filter } })
          : await call("GET /api/v1/categories/{slug}/posts", { params: { slug: scope.slice("category:".length) }, query: { cursor } });
      feed.getState().append(page.posts);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(describe.error(err));
    } finally {
      setLoading(false);
    }
  }

  return (
    <div>
      {pendingCount > 0 && (
        <div className="sticky top-28 z-20 flex justify-center py-2">
          <button
            type="button"
            onClick={() => feed.getState().showPending()}
            className="inline-flex items-center gap-1.5 rounded-full bg-accent-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg transition hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
          >
            <ArrowUpIcon className="size-4" />
            {t("newPosts", { count: pendingCount })}
          </button>
        </div>
      )}
      {posts.length === 0 ? (
        empty
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={t("posts")}>
          {posts.map((p) => (
            <PostListItem key={p.id} post={p} showCategory={showCategory} />
          ))}
        </ul>
      )}
      {(cursor || error) && (
        <div className="flex flex-col items-center gap-2 border-t border-zinc-100 px-4 py-4 dark:border-zinc-800">
          {error && <p className="text-sm text-red-600 dark:text-red-400">{error}</p>}
          {cursor && (
            <Button variant="secondary" onClick={loadMore} disabled={loading}>
              {loading ? t("loading") : t("loadMore")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
