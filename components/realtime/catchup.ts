"use client";
import type { Comment, Post } from "@/server/dto";
import type { FeedStore } from "@/components/stores/feed";
import type { ThreadStore } from "@/components/stores/thread";

// After (re)subscribing, each component fetches what the live stream may have missed into its
// own store and merges by id (see useLiveRoom). Safe to run when nothing was missed.

const PAGE = 200;

/** Threads up to this many comments are re-read whole, so edits and removals missed while away show too. */
const FULL_RESYNC_MAX = 1000;

async function fetchJson<T>(url: string): Promise<{ status: number; body: T | null }> {
  const res = await fetch(url, { cache: "no-store" });
  return { status: res.status, body: res.ok ? ((await res.json()) as T) : null };
}

/**
 * A post: the post and its comments, the whole thread when it is small (so edits and removals
 * made while away show too), otherwise the comments after the last seq this tab holds.
 */
export async function catchUpThread(store: ThreadStore): Promise<void> {
  const thread = () => store.getState();
  const postId = thread().post.id;
  // The post first: its lastSeq bounds what the comment pages must contain.
  const { status, body } = await fetchJson<{ post: Post }>(`/api/v1/posts/${postId}`);
  if (status === 404) return thread().removePost(postId);
  if (!body) return;
  thread().setPost(body.post);
  const full = body.post.lastSeq <= FULL_RESYNC_MAX;
  const seen = new Set<string>();
  let after = full ? 0 : thread().lastSeq();
  for (;;) {
    const page = await fetchJson<{ comments: Comment[] }>(`/api/v1/posts/${postId}/comments?after=${after}&limit=${PAGE}`);
    if (!page.body || thread().post.id !== postId) return;
    for (const c of page.body.comments) {
      seen.add(c.id);
      thread().upsertComment(c);
      after = Math.max(after, c.seq);
    }
    if (page.body.comments.length < PAGE) break;
  }
  thread().confirmThrough(after);
  if (!full) return;
  // Anything up to the post's lastSeq that the server no longer lists was deleted or hidden.
  const bound = Math.max(after, body.post.lastSeq);
  for (const c of thread().comments) if (c.seq <= bound && !seen.has(c.id)) thread().removeComment(c.id);
}

/** A list: the posts created after the newest it holds. */
export async function catchUpFeed(store: FeedStore): Promise<void> {
  const { byId, pending } = store.getState();
  const all = [...Object.values(byId), ...Object.values(pending)];
  if (all.length === 0) return;
  const newest = all.reduce((a, p) => (p.createdAt > a ? p.createdAt : a), all[0].createdAt);
  const res = await fetch(`/api/v1/posts?since=${encodeURIComponent(newest)}`, { cache: "no-store" });
  if (!res.ok) return;
  const { posts } = (await res.json()) as { posts: Post[] };
  for (const p of posts) store.getState().upsertPost(p);
}
