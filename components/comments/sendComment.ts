"use client";
import type { Comment } from "@/server/dto";
import { api, errorMessage } from "@/components/api";
import { useThreadStore } from "@/components/stores/thread";

/**
 * POSTs a comment that is already shown optimistically. The clientId makes the request
 * idempotent, so a retry after a lost response never creates a second comment.
 */
export async function sendComment(postId: string, clientId: string, body: string): Promise<void> {
  const store = useThreadStore.getState();
  try {
    const res = await api<{ comment: Comment }>(`/posts/${postId}/comments`, { method: "POST", body: { body, clientId } });
    store.reconcile(clientId, res.comment);
  } catch (err) {
    store.failOptimistic(clientId, errorMessage(err));
  }
}
