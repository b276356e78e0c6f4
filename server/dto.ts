/**
 * The public types of Parley's entities, inferred from their zod shapes (server/shapes.ts):
 * never written out by hand, so the API, the OpenAPI document and the browser agree.
 * The browser imports these with `import type`.
 */
import type { z } from "zod";
import type * as S from "./shapes";

export type Role = z.infer<typeof S.ZRole>;
export type ReactionKind = z.infer<typeof S.ZReactionKind>;
export type ReactionCounts = z.infer<typeof S.ZReactionCounts>;
export type UserRef = z.infer<typeof S.ZUserRef>;
export type PublicUser = z.infer<typeof S.ZPublicUser>;
export type Category = z.infer<typeof S.ZCategory>;
export type CategoryWithStats = z.infer<typeof S.ZCategoryWithStats>;
export type AdminCategory = z.infer<typeof S.ZAdminCategory>;
export type Post = z.infer<typeof S.ZPost>;
export type Comment = z.infer<typeof S.ZComment>;
export type ProfileComment = z.infer<typeof S.ZProfileComment>;
export type Notification = z.infer<typeof S.ZNotification>;
export type NotificationKind = z.infer<typeof S.ZNotificationKind>;
export type WatchLevel = z.infer<typeof S.ZWatchLevel>;
export type Draft = z.infer<typeof S.ZDraft>;
export type Report = z.infer<typeof S.ZReport>;
export type ReactionState = z.infer<typeof S.ZReactionState>;
export type Presence = z.infer<typeof S.ZPresence>;
export type ModeratedUser = z.infer<typeof S.ZModeratedUser>;
export type AdminUser = z.infer<typeof S.ZAdminUser>;
export type ReportInQueue = z.infer<typeof S.ZReportInQueue>;
export type AuditEntry = z.infer<typeof S.ZAuditEntry>;
export type LiveStats = z.infer<typeof S.ZLiveStats>;
export type SessionInfo = z.infer<typeof S.ZSessionInfo>;

/** What the server knows about the signed-in user of a request or socket (never sent as is). */
export interface Viewer extends UserRef {
  role: Role;
  sessionVersion: number;
  email: string;
  /** Whether the member proved they own their email (a mailed link). */
  emailVerified: boolean;
  /** False for an account made through an identity provider that never set a password. */
  hasPassword: boolean;
  /** The sign-in session (server/sessions) this request came with (a socket keeps its own in `socket.data.sessionId`). */
  sessionId?: string;
  /** The stored avatar's content hash (storage key); `avatarUrl` is its public URL. */
  avatarKey: string | null;
  /** The member's profile text. */
  bio: string;
  /** The interface language the member chose, if any. */
  locale: string | null;
  /** Set while a ban is in force. */
  ban: z.infer<typeof S.ZBanState>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function isStaff(viewer: Pick<Viewer, "role"> | null | undefined): boolean {
  return viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
}
