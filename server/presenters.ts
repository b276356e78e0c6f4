import type { Comment, Post, ReactionCounts } from "./dto";
import type { PostRow } from "./posts/posts.repository";
import type { CommentRow } from "./comments/comments.repository";

type CountReactions = (targetType: "POST" | "COMMENT", ids: string[]) => Promise<Map<string, ReactionCounts>>;

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
    author: row.author,
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
    author: row.author,
    clientId: row.clientId,
    reactions,
    hidden: row.hidden,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/**
 * The only way a Post or Comment leaves the server: every presented entity carries its true
 * reaction counts (one grouped query per batch), and `staff` decides whether `hidden` shows.
 * Publishing takes the staff view; the broadcaster derives the public one.
 */
export function createPresenters(countReactions: CountReactions) {
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
  };
}

export type Presenters = ReturnType<typeof createPresenters>;
