"use client";
import type { Comment } from "@/server/dto";
import { api, errorMessage } from "@/components/api";
import type { ThreadStore } from "@/components/stores/thread";

/**
 * POSTs a comment that is already shown optimistically in `thread`. The clientId makes the
 * request idempotent, so a retry after a lost response never creates a second comment.
 */
export async function sendComment(thread: ThreadStore, postId: string, clientId: string, body: string): Promise<void> {
  const store = thread.getState();
  try {
    const res = await api<{ comment: Comment }>(`/posts/${postId}/comments`, { method: "POST", body: { body, clientId } });
    store.reconcile(clientId, res.comment);
  } catch (err) {
    store.failOptimistic(clientId, errorMessage(err));
  }
}
