import type { Comment, Notification, Post } from "../dto";

/** Why a session's sockets are closed (the `session:ended` event's `reason`). */
export type SessionEndReason = "signed-out" | "password-changed";

/**
 * The one door from services to sockets. Services call it only after their transaction has
 * committed, with everything the event needs (the broadcaster never calls back into
 * services). The realtime layer's broadcaster (server/realtime/broadcaster.ts) emits to
 * rooms; tests hand in a recording one. A service never sees Socket.IO.
 */
export interface Publisher {
  postCreated(post: Post): void;
  postUpdated(post: Post): void;
  postDeleted(ref: { id: string; categorySlug: string }): void;
  /** New comment activity on a post: refreshes counts on post lists (not the post's own page). */
  postActivity(post: Post): void;
  commentCreated(comment: Comment): void;
  commentUpdated(comment: Comment): void;
  commentDeleted(ref: { id: string; postId: string }): void;
  notify(userId: string, notification: Notification): void;
  /** Staff-facing: a report arrived or changed; `openCount` is the open queue's new size. */
  reportChanged(change: { reportId: string; openCount: number }): void;
  /** Ends every live socket of a user, on every node. */
  disconnectUser(userId: string): void;
  /**
   * These sessions of a user were deleted: every node forgets them (its session cache) and
   * sends their sockets `session:ended {reason}`, then closes them.
   */
  sessionsEnded(ended: { userId: string; sessionIds: string[]; reason: SessionEndReason }): void;
}
