/**
 * THE realtime contract (`../shared/API.md`, Realtime): every event between browser and
 * server, with its payload. Imported by the server and, with `import type`, by the browser.
 */
import type { Comment, LiveStats, Notification, Post, Presence, Role, UserRef } from "../dto";
import type { SessionEndReason } from "./access";

export type { LiveStats, SessionEndReason };

/** Why a socket was closed by the server (server/realtime/access.ts); `ban` when banned. */
export interface SessionEnded {
  reason: SessionEndReason;
  ban?: { reason: string | null; until: string | null };
}

export type Room = "forum" | `category:${string}` | `post:${string}`;

export type AckError = { code: string; message: string };
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };

export type PresenceSnapshot = Presence;
export interface PresenceDelta {
  type: "join" | "leave";
  user: UserRef;
  count: number;
  /** Anonymous visitors online (an extension of the contract's delta). */
  guests?: number;
}

export interface ServerToClientEvents {
  "post:created": (p: { post: Post }) => void;
  "post:updated": (p: { post: Post }) => void;
  "post:deleted": (p: { id: string }) => void;
  "comment:created": (p: { comment: Comment }) => void;
  "comment:updated": (p: { comment: Comment }) => void;
  "comment:deleted": (p: { id: string; postId: string }) => void;
  presence: (p: PresenceSnapshot | PresenceDelta) => void;
  "post:viewers": (p: { postId: string; count: number }) => void;
  typing: (p: { postId: string; user: UserRef }) => void;
  notification: (p: { notification: Notification }) => void;
  /** Staff only: the open reports queue changed. */
  "report:changed": (p: { reportId: string; openCount: number }) => void;
  /** Staff only: live figures for the dashboard. */
  stats: (p: LiveStats) => void;
  /** This session ended (sign-out, ban, password change): the server closes the socket next. */
  "session:ended": (p: SessionEnded) => void;
  /** The member's role changed: from now on the socket receives what the new role may see. */
  "session:changed": (p: { role: Role }) => void;
}

export interface ClientToServerEvents {
  subscribe: (p: { room: string }, ack: (r: Ack) => void) => void;
  unsubscribe: (p: { room: string }, ack: (r: Ack) => void) => void;
  typing: (p: { postId: string }, ack?: (r: Ack) => void) => void;
  /** The client received these notifications (they are marked delivered). */
  "notification:delivered": (p: { ids: string[] }, ack?: (r: Ack) => void) => void;
  /**
   * An extension of the contract: the same write as `POST /api/v1/posts/:id/comments`, acked
   * with the comment (`created: false` when the clientId was already used) or a contract error.
   */
  "comment:create": (
    p: { postId: string; body: string; clientId?: string; replyToId?: string },
    ack: (r: Ack<{ comment: Comment; created: boolean }>) => void,
  ) => void;
}
