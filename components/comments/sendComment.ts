"use client";
import { ApiError, call, isTransient } from "@/components/api";
import { getSocket } from "@/components/realtime/socket";
import type { ThreadStore } from "@/components/stores/thread";
import type { Comment } from "@/server/dto";

/** How long a comment keeps trying through an outage before it shows "not sent" with a Retry button. */
const KEEP_TRYING_MS = 2 * 60_000;

/** The server's Retry-After when it gave one, else 1, 2, 4… s up to 10 s, with jitter. */
function delay(err: ApiError, attempt: number): number {
  const base = err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : Math.min(10_000, 1000 * 2 ** attempt);
  return base * (0.75 + Math.random() * 0.5);
}

/** How long a socket write waits for its ack before it is retried (over HTTP if the socket is gone). */
const SOCKET_ACK_MS = 10_000;
const STATUS: Record<string, number> = { VALIDATION_FAILED: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, UNAVAILABLE: 503 };

/**
 * Over the live socket when it is connected (`comment:create`: one frame, no HTTP request or
 * session lookup), over HTTP otherwise. Both are the same idempotent write, so a retry by the
 * other path after a lost ack never doubles the comment.
 */
async function create(postId: string, clientId: string, body: string, replyToId?: string): Promise<Comment> {
  const socket = getSocket();
  if (!socket.connected) return (await call("POST /api/v1/posts/{id}/comments", { params: { id: postId }, body: { body, clientId, replyToId } })).comment;
  let res;
  try {
    res = await socket.timeout(SOCKET_ACK_MS).emitWithAck("comment:create", { postId, body, clientId, replyToId });
  } catch {
    throw new ApiError(0, "NETWORK", "the connection dropped before the comment was confirmed");
  }
  if (res.ok) return res.comment;
  throw new ApiError(STATUS[res.error.code] ?? 500, res.error.code, res.error.message);
}

/**
 * Sends a comment that is already shown optimistically in `thread`. The clientId makes the
 * request idempotent, so a retry after a lost response never creates a second comment. While
 * Parley or its database is unreachable the comment stays on screen as "reconnecting…" and is
 * sent again with the same clientId, until it lands or the member discards it. `describe`
 * turns a final failure into the sentence shown under it, in the reader's language.
 */
export async function sendComment(
  thread: ThreadStore,
  postId: string,
  clientId: string,
  body: string,
  describe: (err: unknown) => string,
  replyToId?: string,
): Promise<void> {
  const store = () => thread.getState();
  const stillPending = () => store().optimistic.some((o) => o.clientId === clientId);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      store().reconcile(clientId, await create(postId, clientId, body, replyToId));
      return;
    } catch (err) {
      if (!stillPending()) return;
      if (!isTransient(err) || Date.now() - started > KEEP_TRYING_MS) return store().failOptimistic(clientId, describe(err));
      store().reconnectingOptimistic(clientId);
      await new Promise((resolve) => setTimeout(resolve, delay(err, attempt)));
      if (!stillPending()) return;
    }
  }
}
