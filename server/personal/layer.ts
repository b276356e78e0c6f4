import type { Notification, ReactionKind, Role, Viewer, WatchLevel } from "../dto";

/** The signed-in member as pages and client components need them. */
export interface Me {
  id: string;
  username: string;
  avatarUrl: string | null;
  role: Role;
  banned: boolean;
}

/** A member's own reactions in one post. */
export interface MyReactions {
  post: ReactionKind | null;
  comments: Record<string, ReactionKind>;
}

/** A member's read position in a post, the unread comments after it, and their watch level on it. */
export interface ReadState {
  readSeq: number | null;
  unreadCount: number;
  watchLevel: WatchLevel;
}

/** Which shared member render a layer is laid over. */
export type MemberPage = { kind: "post"; postId: string } | { kind: "home" } | { kind: "category"; slug: string };

/**
 * What a page rendered for members in general lacks for one member: who they are, their
 * notifications, on a post page their read position, watch level and reactions, and on the
 * home and category pages the read state of each post listed. The page cache sends it beside
 * the shared render (server/http/page-cache.ts) and the client lays it over the page as it
 * hydrates.
 */
export interface PersonalLayer {
  me: Me;
  /** False: the member has not confirmed their email yet (the page shows the banner). */
  emailVerified: boolean;
  notifications: { notifications: Notification[]; unread: number };
  post?: { id: string; mine: MyReactions } & ReadState;
  /** On the home page and a category page: each listed post's read state, and on a category page their level on it. */
  list?: { posts: Record<string, ReadState>; categoryLevel?: WatchLevel };
}

/** Who a shared member render shows before its reader's layer is laid over it: no one in particular. */
export const SHELL_ME: Me = { id: "", username: "", avatarUrl: null, role: "MEMBER", banned: false };

export const meOf = (viewer: Viewer): Me => ({
  id: viewer.id,
  username: viewer.username,
  avatarUrl: viewer.avatarUrl,
  role: viewer.role,
  banned: !!viewer.ban,
});

/**
 * Whether this member sees exactly what the shared member render shows once their layer is
 * laid over it: a member who is not banned. Staff see hidden content and extra controls, and a
 * banned member a notice and no composer: they get a render of their own.
 */
export const fitsSharedRender = (viewer: Viewer) => viewer.role === "MEMBER" && !viewer.ban;
