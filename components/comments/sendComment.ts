"use client";
import { call, errorMessage } from "@/components/api";
import type { ThreadStore } from "@/components/stores/thread";

/**
 * POSTs a comment that is already shown optimistically in `thread`. The clientId makes the
 * request idempotent, so a retry after a lost response never creates a second comment.
 */
export async function sendComment(thread: ThreadStore, postId: string, clientId: string, body: string): Promise<void> {
  const store = thread.getState();
  try {
    const res = await call("POST /api/v1/posts/{id}/comments", { params: { id: postId }, body: { body, clientId } });
    store.reconcile(clientId, res.comment);
  } catch (err) {
    store.failOptimistic(clientId, errorMessage(err));
  }
}
