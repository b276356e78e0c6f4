import type { Comment, Notification, Post } from "../dto";

/**
 * The one door from services to sockets. Services call it only after their transaction has
 * committed; the realtime layer (server/realtime/index.ts) supplies the implementation that
 * broadcasts to rooms. A service never sees Socket.IO.
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
  /** Staff-facing: a report arrived or changed. */
  reportChanged(reportId: string): void;
  /** Ends every live socket of a user, on every node. */
  disconnectUser(userId: string, reason: "banned" | "signed-out"): void;
}

export const nullPublisher: Publisher = {
  postCreated() {},
  postUpdated() {},
  postDeleted() {},
  postActivity() {},
  commentCreated() {},
  commentUpdated() {},
  commentDeleted() {},
  notify() {},
  reportChanged() {},
  disconnectUser() {},
};
