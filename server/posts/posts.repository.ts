import type { Db, Tx } from "../db/client";
import type { PostGetPayload } from "../db/generated/models";

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

export type PostRow = PostGetPayload<{ select: typeof postSelect }>;

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
    /** Each post's last allocated comment seq (the live lanes start from it; server/realtime/ordering.ts). */
    async lastSeqs(ids: string[]) {
      return db.post.findMany({ where: { id: { in: ids } }, select: { id: true, lastSeq: true } });
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
  };
}

export type PostsRepository = ReturnType<typeof createPostsRepository>;
