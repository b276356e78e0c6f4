"use client";
import { call, errorMessage, isTransient, type ApiError } from "@/components/api";
import type { ThreadStore } from "@/components/stores/thread";

/** How long a comment keeps trying through an outage before it shows "not sent" with a Retry button. */
const KEEP_TRYING_MS = 2 * 60_000;

/** The server's Retry-After when it gave one, else 1, 2, 4… s up to 10 s, with jitter. */
function delay(err: ApiError, attempt: number): number {
  const base = err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : Math.min(10_000, 1000 * 2 ** attempt);
  return base * (0.75 + Math.random() * 0.5);
}

/**
 * POSTs a comment that is already shown optimistically in `thread`. The clientId makes the
 * request idempotent, so a retry after a lost response never creates a second comment. While
 * Parley or its database is unreachable the comment stays on screen as "reconnecting…" and is
 * sent again with the same clientId, until it lands or the member discards it.
 */
export async function sendComment(thread: ThreadStore, postId: string, clientId: string, body: string, replyToId?: string): Promise<void> {
  const store = () => thread.getState();
  const stillPending = () => store().optimistic.some((o) => o.clientId === clientId);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await call("POST /api/v1/posts/{id}/comments", { params: { id: postId }, body: { body, clientId, replyToId } });
      store().reconcile(clientId, res.comment);
      return;
    } catch (err) {
      if (!stillPending()) return;
      if (!isTransient(err) || Date.now() - started > KEEP_TRYING_MS) return store().failOptimistic(clientId, errorMessage(err));
      store().reconnectingOptimistic(clientId);
      await new Promise((resolve) => setTimeout(resolve, delay(err, attempt)));
      if (!stillPending()) return;
    }
  }
}
