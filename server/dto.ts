/**
 * The public shapes of Parley's entities, as the HTTP API and socket events send them
 * (`../shared/API.md`). Repositories map rows to these; nothing else leaves the server.
 */
export type Role = "MEMBER" | "MODERATOR" | "ADMIN";

export interface UserRef {
  id: string;
  username: string;
}

export interface PublicUser extends UserRef {
  role: Role;
  createdAt: string;
}

/** What the server knows about the signed-in user of a request or socket. */
export interface Viewer extends UserRef {
  role: Role;
  sessionVersion: number;
  /** Set while a ban is in force. */
  ban: { reason: string | null; until: string | null } | null;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface CategoryWithStats extends Category {
  postCount: number;
  lastActivityAt: string | null;
}

export type ReactionKind = "LIKE" | "LOVE" | "LAUGH" | "INSIGHT";
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

export interface Post {
  id: string;
  category: { slug: string; name: string };
  title: string;
  body: string;
  bodyHtml: string;
  author: UserRef;
  pinned: boolean;
  locked: boolean;
  /** Present for staff only. */
  hidden?: boolean;
  commentCount: number;
  lastSeq: number;
  reactions: ReactionCounts;
  createdAt: string;
  editedAt: string | null;
  lastActivityAt: string;
}

export interface Comment {
  id: string;
  postId: string;
  seq: number;
  body: string;
  bodyHtml: string;
  author: UserRef;
  /** The author's idempotency key, if they sent one: lets their tab match its optimistic copy. */
  clientId: string | null;
  reactions: ReactionCounts;
  /** Present for staff only. */
  hidden?: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface Notification {
  id: string;
  kind: "REPLY" | "MENTION";
  actor: UserRef;
  postId: string;
  postTitle: string;
  commentId: string | null;
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function isStaff(viewer: Pick<Viewer, "role"> | null | undefined): boolean {
  return viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
}
