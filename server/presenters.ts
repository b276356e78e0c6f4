import type { Comment, Notification, Post, ReactionCounts, UserRef, WatchLevel } from "./dto";
import type { PostRow } from "./posts/posts.repository";
import type { CommentRow } from "./comments/comments.repository";
import { toUserRef } from "./users/user-ref";

type CountReactions = (targetType: "POST" | "COMMENT", ids: string[]) => Promise<Map<string, ReactionCounts>>;
/** A member's read position and watch level on each of the given posts. */
export type FollowState = (userId: string, postIds: string[]) => Promise<Map<string, { readSeq: number | null; watchLevel: WatchLevel }>>;

/** A notification as it leaves the server (HTTP list and the live `notification` event alike). */
export interface NotificationFacts {
  id: string;
  kind: Notification["kind"];
  actor: UserRef;
  post: { id: string; title: string };
  comment: { id: string; seq: number } | null;
  excerpt: string;
  createdAt: string;
  readAt?: string | null;
}

function toNotification(n: NotificationFacts): Notification {
  return {
    id: n.id,
    kind: n.kind,
    actor: n.actor,
    post: n.post,
    comment: n.comment,
    postId: n.post.id,
    postTitle: n.post.title,
    commentId: n.comment?.id ?? null,
    excerpt: n.excerpt,
    createdAt: n.createdAt,
    readAt: n.readAt ?? null,
  };
}

/** Staff see `hidden`; everyone else never learns the field exists. */
export function viewFor<T extends { hidden?: boolean }>(entity: T, staff: boolean): T {
  if (staff) return entity;
  const { hidden: _hidden, ...rest } = entity;
  return rest as T;
}

function toPost(row: PostRow, reactions: ReactionCounts): Post {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    body: row.body,
    bodyHtml: row.bodyHtml,
    author: toUserRef(row.author),
    pinned: row.pinned,
    locked: row.locked,
    hidden: row.hidden,
    commentCount: row.commentCount,
    lastSeq: row.lastSeq,
    reactions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

function toComment(row: CommentRow, reactions: ReactionCounts): Comment {
  return {
    id: row.id,
    postId: row.postId,
    seq: row.seq,
    body: row.body,
    bodyHtml: row.bodyHtml,
    author: toUserRef(row.author),
    clientId: row.clientId,
    reactions,
    hidden: row.hidden,
    replyTo: row.replyTo && { id: row.replyTo.id, seq: row.replyTo.seq, author: toUserRef(row.replyTo.author) },
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/**
 * The only way a Post or Comment leaves the server: every presented entity carries its true
 * reaction counts (one grouped query per batch), and `staff` decides whether `hidden` shows.
 * Publishing takes the staff view; the broadcaster derives the public one.
 */
export function createPresenters(countReactions: CountReactions, followState?: FollowState) {
  async function posts(rows: PostRow[], staff: boolean): Promise<Post[]> {
    const counts = await countReactions(
      "POST",
      rows.map((r) => r.id),
    );
    return rows.map((r) => viewFor(toPost(r, counts.get(r.id) ?? {}), staff));
  }
  async function comments(rows: CommentRow[], staff: boolean): Promise<Comment[]> {
    const counts = await countReactions(
      "COMMENT",
      rows.map((r) => r.id),
    );
    return rows.map((r) => viewFor(toComment(r, counts.get(r.id) ?? {}), staff));
  }
  return {
    posts,
    comments,
    post: async (row: PostRow, staff: boolean) => (await posts([row], staff))[0],
    comment: async (row: CommentRow, staff: boolean) => (await comments([row], staff))[0],
    /** A row inserted a moment ago: nobody can have reacted yet, so no query is needed. */
    newPost: (row: PostRow): Post => toPost(row, {}),
    newComment: (row: CommentRow): Comment => toComment(row, {}),
    notification: toNotification,
    /**
     * Adds what only the signed-in viewer sees: `readSeq`, `unreadCount` (lastSeq - readSeq,
     * exact because seqs have no gaps) and `watchLevel`. Guests get the posts as they are.
     */
    async forViewer(list: Post[], viewerId: string | null | undefined): Promise<Post[]> {
      if (!viewerId || !followState || list.length === 0) return list;
      const state = await followState(
        viewerId,
        list.map((p) => p.id),
      );
      return list.map((p) => {
        const s = state.get(p.id);
        const readSeq = s?.readSeq ?? null;
        return {
          ...p,
          readSeq,
          unreadCount: readSeq === null ? 0 : Math.max(0, p.lastSeq - readSeq),
          watchLevel: s?.watchLevel ?? "normal",
        };
      });
    },
  };
}

export type Presenters = ReturnType<typeof createPresenters>;
