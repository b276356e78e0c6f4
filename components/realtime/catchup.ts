"use client";
import { ApiError, call } from "@/components/api";
import type { FeedStore } from "@/components/stores/feed";
import type { ThreadStore } from "@/components/stores/thread";

// After (re)subscribing, each component fetches what the live stream may have missed into its
// own store and merges by id (see useLiveRoom). Safe to run when nothing was missed.

const PAGE = 200;

/** Threads up to this many comments are re-read whole, so edits and removals missed while away show too. */
const FULL_RESYNC_MAX = 1000;

/**
 * A post: the post and its comments, the whole thread when it is small (so edits and removals
 * made while away show too), otherwise the comments after the last seq this tab holds.
 */
export async function catchUpThread(store: ThreadStore): Promise<void> {
  const thread = () => store.getState();
  const postId = thread().post.id;
  // The post first: its lastSeq bounds what the comment pages must contain.
  let post;
  try {
    ({ post } = await call("GET /api/v1/posts/{id}", { params: { id: postId } }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) thread().removePost(postId);
    return;
  }
  thread().setPost(post);
  const full = post.lastSeq <= FULL_RESYNC_MAX;
  const seen = new Set<string>();
  let after = full ? 0 : thread().lastSeq();
  for (;;) {
    const page = await call("GET /api/v1/posts/{id}/comments", { params: { id: postId }, query: { after, limit: PAGE } }).catch(() => null);
    if (!page || thread().post.id !== postId) return;
    for (const c of page.comments) {
      seen.add(c.id);
      thread().upsertComment(c);
      after = Math.max(after, c.seq);
    }
    if (page.comments.length < PAGE) break;
  }
  thread().confirmThrough(after);
  if (!full) return;
  // Anything up to the post's lastSeq that the server no longer lists was deleted or hidden.
  const bound = Math.max(after, post.lastSeq);
  for (const c of thread().comments) if (c.seq <= bound && !seen.has(c.id)) thread().removeComment(c.id);
}

/** A list: the posts created after the newest it holds. */
export async function catchUpFeed(store: FeedStore): Promise<void> {
  const { byId, pending } = store.getState();
  const all = [...Object.values(byId), ...Object.values(pending)];
  if (all.length === 0) return;
  const newest = all.reduce((a, p) => (p.createdAt > a ? p.createdAt : a), all[0].createdAt);
  const page = await call("GET /api/v1/posts", { query: { since: newest } }).catch(() => null);
  for (const p of page?.posts ?? []) store.getState().upsertPost(p);
}
