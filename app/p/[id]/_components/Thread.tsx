"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Category, Comment, Post } from "@/server/dto";
import type { MyReactions } from "@/server/personal/layer";
import { useShellLayer } from "@/components/personal/layer";
import { useLiveRoom } from "@/components/realtime/live";
import { catchUpThread } from "@/components/realtime/catchup";
import { ThreadStoreProvider, useThreadStore, useThreadStoreApi } from "@/components/stores/ThreadStoreProvider";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { PostArticle } from "@/components/posts/PostArticle";
import type { Me } from "@/components/posts/me";
import { CommentList } from "@/components/comments/CommentList";
import { Composer } from "@/components/comments/Composer";
import { TypingIndicator } from "@/components/comments/TypingIndicator";
import { Card } from "@/components/ui/Card";
import { Alert } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { CommentGate } from "./CommentGate";
import { JumpToUnread, NEW_DIVIDER_ID, scrollToNewDivider } from "@/components/follow/NewDivider";
import { useReadProgress } from "@/components/follow/useReadProgress";

import { COMMENT_PAGE, PAGES_TO_FIRST_UNREAD } from "./constants";

interface ThreadProps {
  initial: { post: Post; comments: Comment[] };
  me: Me | null;
  mine: MyReactions;
  /** Staff only: where a post can be moved. */
  categories?: Category[];
  /** Rendered for members in general: the reader's own part comes from the page's layer. */
  shell?: boolean;
}

/** The open post and its comments, live: the server's data starts the thread store. */
export function Thread(props: ThreadProps) {
  return (
    <ThreadStoreProvider initial={props.initial}>
      <PersonalThread {...props} />
    </ThreadStoreProvider>
  );
}

/**
 * Lays the reader's layer over a member shell as the page hydrates: the same thread, now with
 * their identity, reactions, read position and watch level (nothing is mounted again, so focus
 * and anything typed already stay). Any other render is the reader's own already.
 */
function PersonalThread({ shell = false, ...props }: ThreadProps) {
  const thread = useThreadStoreApi();
  const layer = useShellLayer(shell);
  const own = layer?.post?.id === props.initial.post.id ? layer.post : undefined;
  useLayoutEffect(() => {
    if (!own) return;
    const { post, setPost } = thread.getState();
    setPost({ ...post, readSeq: own.readSeq, unreadCount: own.unreadCount, watchLevel: own.watchLevel });
  }, [own, thread]);
  const rendered = props.initial;
  const initial = useMemo(
    () => (own ? { ...rendered, post: { ...rendered.post, readSeq: own.readSeq, unreadCount: own.unreadCount } } : rendered),
    [own, rendered],
  );
  return <LiveThread {...props} initial={initial} me={layer?.me ?? props.me} mine={own?.mine ?? props.mine} />;
}

/** When the reader's read position is known: where their unread comments start (null: none, or a guest). */
function unreadFrom(post: Post): { known: boolean; first: number | null } {
  const { readSeq, unreadCount } = post;
  return { known: readSeq !== undefined, first: readSeq != null && (unreadCount ?? 0) > 0 ? readSeq + 1 : null };
}

function LiveThread({ initial, me, mine, categories }: Omit<ThreadProps, "shell">) {
  const t = useTranslations("thread");
  const describe = useErrorText();
  const thread = useThreadStoreApi();
  const catchUp = useCallback(() => catchUpThread(thread), [thread]);
  useLiveRoom(`post:${initial.post.id}`, catchUp);
  const post = useThreadStore((s) => s.post);
  const comments = useThreadStore((s) => s.comments);
  const removed = useThreadStore((s) => s.postRemoved);
  const [more, setMore] = useState(initial.comments.length >= COMMENT_PAGE);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Where the member stopped reading last time: fixed for this visit once known (a member shell
  // learns it from the layer, just after hydrating), so the divider stays put.
  const [unread, setUnread] = useState(() => unreadFrom(initial.post));
  if (!unread.known && initial.post.readSeq !== undefined) setUnread(unreadFrom(initial.post));
  const firstUnread = unread.first;
  const list = useRef<HTMLDivElement>(null);
  useReadProgress(post.id, initial.post.readSeq, list, comments.length);
  const dividerShown = firstUnread !== null && comments.some((c) => c.seq >= firstUnread);
  const scrollWhenShown = useRef(false);

  async function loadPage(): Promise<boolean> {
    const after = thread.getState().lastSeq();
    const res = await call("GET /api/v1/posts/{id}/comments", { params: { id: post.id }, query: { after, limit: COMMENT_PAGE } });
    res.comments.forEach(thread.getState().upsertComment);
    const hasMore = res.comments.length >= COMMENT_PAGE;
    setMore(hasMore);
    return hasMore;
  }

  async function loadMore() {
    setLoadError(null);
    try {
      await loadPage();
    } catch (err) {
      setLoadError(describe.error(err));
    }
  }

  useEffect(() => {
    // Open at the first unread comment, unless the address points somewhere already. In a long
    // thread it can lie past the first page: page forward to it (bounded), then scroll.
    if (firstUnread === null || window.location.hash) return;
    let cancelled = false;
    const reached = () => thread.getState().comments.some((c) => c.seq >= firstUnread);
    (async () => {
      let hasMore = more;
      for (let page = 0; page < PAGES_TO_FIRST_UNREAD && hasMore && !reached() && !cancelled; page++) hasMore = await loadPage();
      if (cancelled || !reached()) return;
      // Paged-in comments may not be rendered yet: then the effect below scrolls once they are.
      if (document.getElementById(NEW_DIVIDER_ID)) scrollToNewDivider("instant");
      else scrollWhenShown.current = true;
    })().catch((err) => setLoadError(describe.error(err)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when where to open is known (it is fixed from then on)
  }, [firstUnread]);
  useEffect(() => {
    if (scrollWhenShown.current && dividerShown) {
      scrollWhenShown.current = false;
      scrollToNewDivider("instant");
    }
  }, [dividerShown]);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {removed && <Alert tone="amber">{t("removed")}</Alert>}
      <Card className="p-5 sm:p-8">
        <PostArticle post={post} me={me} mine={mine.post} categories={categories} />
      </Card>
      <section aria-labelledby="comments-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="comments-heading" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            {t("commentCount", { count: comments.length })}
          </h2>
          {dividerShown && <JumpToUnread count={initial.post.unreadCount ?? 0} />}
        </div>
        <div className="mt-2" ref={list}>
          <CommentList
            postId={post.id}
            postAuthorId={post.author.id}
            comments={comments}
            me={me}
            mine={mine.comments}
            firstUnreadSeq={firstUnread}
          />
        </div>
        {more && (
          <div className="mt-3 flex flex-col items-center gap-2">
            {loadError && <p className="text-sm text-red-600 dark:text-red-400">{loadError}</p>}
            <Button variant="secondary" onClick={loadMore}>
              {t("loadMore")}
            </Button>
          </div>
        )}
        <TypingIndicator selfId={me?.id} />
        <div className="mt-2">
          {removed ? null : me && !me.banned && (!post.locked || me.role !== "MEMBER") ? (
            <Card className="p-4 sm:p-5">
              {post.locked && (
                <div className="mb-3">
                  <Alert tone="amber">{t("lockedStaff")}</Alert>
                </div>
              )}
              <Composer postId={post.id} me={me} />
            </Card>
          ) : (
            <CommentGate locked={post.locked} me={me} postId={post.id} />
          )}
        </div>
      </section>
    </div>
  );
}
