"use client";
import type { Comment, Post } from "@/server/dto";
import { useFeedStore } from "@/components/stores/feed";
import { useThreadStore } from "@/components/stores/thread";

const PAGE = 200;

/**
 * After (re)subscribing, fetch what the live stream may have missed and merge by id: the
 * comments after the last seq this tab holds, and posts created after the newest it holds.
 * Merging by id makes this safe to run even when nothing was missed.
 */
export async function catchUp(room: string): Promise<void> {
  if (room.startsWith("post:")) return catchUpComments(room.slice("post:".length));
  return catchUpPosts();
}

async function catchUpComments(postId: string) {
  for (;;) {
    const thread = useThreadStore.getState();
    if (thread.post?.id !== postId) return;
    const res = await fetch(`/api/v1/posts/${postId}/comments?after=${thread.lastSeq()}&limit=${PAGE}`, { cache: "no-store" });
    if (!res.ok) return;
    const { comments } = (await res.json()) as { comments: Comment[] };
    for (const c of comments) useThreadStore.getState().upsertComment(c);
    if (comments.length < PAGE) return;
  }
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
