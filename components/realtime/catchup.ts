"use client";
import type { Comment, Post } from "@/server/dto";
import { useFeedStore } from "@/components/stores/feed";
import { useThreadStore } from "@/components/stores/thread";

const PAGE = 200;

/**
 * After (re)subscribing, fetch what the live stream may have missed and merge by id: on a
 * post, the post and its comments (the whole thread when it is small, so edits and removals
 * made while away show too; otherwise the comments after the last seq this tab holds); on
 * lists, the posts created after the newest it holds. Safe to run when nothing was missed.
 */
export async function catchUp(room: string): Promise<void> {
  if (room.startsWith("post:")) return catchUpComments(room.slice("post:".length));
  return catchUpPosts();
}

/** Threads up to this many comments are re-read whole, so edits and removals missed while away show too. */
const FULL_RESYNC_MAX = 1000;

async function fetchJson<T>(url: string): Promise<{ status: number; body: T | null }> {
  const res = await fetch(url, { cache: "no-store" });
  return { status: res.status, body: res.ok ? ((await res.json()) as T) : null };
}

async function catchUpComments(postId: string) {
  const thread = () => useThreadStore.getState();
  if (thread().post?.id !== postId) return;
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
    if (!page.body || thread().post?.id !== postId) return;
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

async function catchUpPosts() {
  const { byId, pending } = useFeedStore.getState();
  const all = [...Object.values(byId), ...Object.values(pending)];
  if (all.length === 0) return;
  const newest = all.reduce((a, p) => (p.createdAt > a ? p.createdAt : a), all[0].createdAt);
  const res = await fetch(`/api/v1/posts?since=${encodeURIComponent(newest)}`, { cache: "no-store" });
  if (!res.ok) return;
  const { posts } = (await res.json()) as { posts: Post[] };
  for (const p of posts) useFeedStore.getState().upsertPost(p);
}
