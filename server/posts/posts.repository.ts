import type { Db, Tx } from "../db/client";
import type { Post, ReactionCounts } from "../dto";

export const postSelect = {
  id: true,
  title: true,
  body: true,
  bodyHtml: true,
  pinned: true,
  locked: true,
  hidden: true,
  deletedAt: true,
  commentCount: true,
  lastSeq: true,
  createdAt: true,
  editedAt: true,
  lastActivityAt: true,
  category: { select: { slug: true, name: true } },
  author: { select: { id: true, username: true } },
} as const;

export type PostRow = {
  id: string;
  title: string;
  body: string;
  bodyHtml: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  deletedAt: Date | null;
  commentCount: number;
  lastSeq: number;
  createdAt: Date;
  editedAt: Date | null;
  lastActivityAt: Date;
  category: { slug: string; name: string };
  author: { id: string; username: string };
};

/** Staff see `hidden`; everyone else never learns the field exists. */
export function toPost(row: PostRow, reactions: ReactionCounts, staff: boolean): Post {
  const post: Post = {
    id: row.id,
    category: row.category,
    title: row.title,
    body: row.body,
    bodyHtml: row.bodyHtml,
    author: row.author,
    pinned: row.pinned,
    locked: row.locked,
    commentCount: row.commentCount,
    lastSeq: row.lastSeq,
    reactions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
  if (staff) post.hidden = row.hidden;
  return post;
}

/** Keyset position in the list order: pinned first, then most recent activity. */
export interface PostCursor {
  pinned: boolean;
  at: string;
  id: string;
}

export function createPostsRepository(db: Db) {
  const visible = (staff: boolean) => (staff ? { deletedAt: null } : { deletedAt: null, hidden: false });

  return {
    async findById(id: string, client: Db | Tx = db): Promise<PostRow | null> {
      return client.post.findUnique({ where: { id }, select: postSelect });
    },
    /** Just enough to decide visibility (socket subscriptions check it on every join). */
    async findVisibility(id: string) {
      return db.post.findUnique({ where: { id }, select: { deletedAt: true, hidden: true } });
    },
    async findByClientId(authorId: string, clientId: string) {
      return db.post.findUnique({ where: { authorId_clientId: { authorId, clientId } }, select: postSelect });
    },
    async list(opts: { categoryId?: string; authorId?: string; staff: boolean; cursor?: PostCursor; limit: number; pinnedFirst: boolean }) {
      const c = opts.cursor;
      const at = c ? new Date(c.at) : undefined;
      const after = c
        ? opts.pinnedFirst
          ? {
              OR: [
                ...(c.pinned ? [{ pinned: false }] : []),
                { pinned: c.pinned, lastActivityAt: { lt: at } },
                { pinned: c.pinned, lastActivityAt: at, id: { lt: c.id } },
              ],
            }
          : { OR: [{ lastActivityAt: { lt: at } }, { lastActivityAt: at, id: { lt: c.id } }] }
        : {};
      return db.post.findMany({
        where: { ...visible(opts.staff), categoryId: opts.categoryId, authorId: opts.authorId, ...after },
        select: postSelect,
        orderBy: [...(opts.pinnedFirst ? [{ pinned: "desc" as const }] : []), { lastActivityAt: "desc" }, { id: "desc" }],
        take: opts.limit + 1,
      });
    },
    /** Posts created after a given one (for catch-up after a reconnect), oldest first. */
    async listCreatedSince(since: Date, staff: boolean, limit: number) {
      return db.post.findMany({
        where: { ...visible(staff), createdAt: { gt: since } },
        select: postSelect,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit,
      });
    },
    async create(data: { categoryId: string; authorId: string; title: string; body: string; bodyHtml: string; clientId?: string }) {
      return db.post.create({ data, select: postSelect });
    },
    async update(
      id: string,
      data: {
        title?: string;
        body?: string;
        bodyHtml?: string;
        editedAt?: Date;
        pinned?: boolean;
        locked?: boolean;
        hidden?: boolean;
        categoryId?: string;
        deletedAt?: Date;
      },
      client: Db | Tx = db,
    ) {
      return client.post.update({ where: { id }, data, select: postSelect });
    },
    async reactionCounts(targetType: "POST" | "COMMENT", ids: string[]): Promise<Map<string, ReactionCounts>> {
      const out = new Map<string, ReactionCounts>();
      if (ids.length === 0) return out;
      const rows = await db.reaction.groupBy({
        by: ["targetId", "kind"],
        where: { targetType, targetId: { in: ids } },
        _count: { _all: true },
      });
      for (const r of rows) {
        const counts = out.get(r.targetId) ?? {};
        counts[r.kind] = r._count._all;
        out.set(r.targetId, counts);
      }
      return out;
    },
  };
}

export type PostsRepository = ReturnType<typeof createPostsRepository>;
