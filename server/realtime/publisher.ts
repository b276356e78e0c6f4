import type { Comment, Notification, Post } from "../dto";
import type { AccessTarget } from "./access";

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
  /** Ends every live socket of a user, on every node (no event: prefer accessChanged). */
  disconnectUser(userId: string): void;
  /**
   * A member's access changed (session ended, role changed): acts on their open sockets on
   * every node. The one path for bans, role changes, sign-outs and password changes; see
   * server/realtime/access.ts.
   */
  accessChanged(target: AccessTarget): void;
  /**
   * A category was created or changed (name, description, order). No socket event: pages read
   * categories on load; the shared read model (server/readmodel) drops what showed the old one.
   */
  categoryChanged(ref: { slug: string }): void;
  /**
   * A member's face changed (avatar set or removed). No socket event: their next page or event
   * carries it; the shared read model drops what showed the old one.
   */
  profileChanged(ref: { userId: string }): void;
}
