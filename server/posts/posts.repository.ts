import type { Db, Tx } from "../db/client";
import { userRefSelect } from "../users/user-ref";
import type { NotificationKind } from "../dto";
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
  author: { select: userRefSelect },
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
    /** The given posts, in the order of `ids` (missing ones left out). */
    async findManyByIds(ids: string[]) {
      const rows = await db.post.findMany({ where: { id: { in: ids } }, select: postSelect });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async list(opts: {
      categoryId?: string;
      authorId?: string;
      staff: boolean;
      cursor?: PostCursor;
      limit: number;
      pinnedFirst: boolean;
      /** Leave out the posts of categories this member muted (their home feed). */
      mutedFor?: string;
    }) {
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
        where: {
          ...visible(opts.staff),
          categoryId: opts.categoryId,
          authorId: opts.authorId,
          ...after,
          ...(opts.mutedFor && { category: { watches: { none: { userId: opts.mutedFor, level: "MUTED" as const } } } }),
        },
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
    /**
     * One transaction: the post, its author watching it and having read it, their "new-post"
     * draft gone, and the notifications (one INSERT … SELECT): a MENTION for each member
     * @mentioned, else WATCHED_POST for each member watching the category (not muted, never
     * the author). Returns the post and who was notified, for the emits after commit.
     */
    async create(
      data: { categoryId: string; authorId: string; title: string; body: string; bodyHtml: string; clientId?: string },
      notify: { mentioned: string[]; excerpt: string },
    ) {
      return db.$transaction(async (tx) => {
        const post = await tx.post.create({ data, select: postSelect });
        await tx.watch.create({ data: { userId: data.authorId, postId: post.id, level: "WATCHING" } });
        await tx.readPosition.create({ data: { userId: data.authorId, postId: post.id, readSeq: 0 } });
        await tx.draft.deleteMany({ where: { userId: data.authorId, key: "new-post" } });
        const notified = await tx.$queryRaw<{ id: string; userId: string; kind: NotificationKind }[]>`
          WITH candidates AS (
            SELECT m.uid, 'MENTION' AS kind, 1 AS rank FROM unnest(${notify.mentioned}::uuid[]) AS m(uid)
            UNION ALL
            SELECT w."userId", 'WATCHED_POST', 2 FROM "Watch" w WHERE w."categoryId" = ${data.categoryId}::uuid AND w."level" = 'WATCHING'
          ), chosen AS (
            SELECT DISTINCT ON (c.uid) c.uid, c.kind FROM candidates c
            WHERE c.uid <> ${data.authorId}::uuid
              AND NOT EXISTS (
                SELECT 1 FROM "Watch" w WHERE w."userId" = c.uid AND w."categoryId" = ${data.categoryId}::uuid AND w."level" = 'MUTED')
            ORDER BY c.uid, c.rank
          )
          INSERT INTO "Notification" ("id", "userId", "actorId", "kind", "postId", "commentId", "excerpt", "createdAt")
          SELECT gen_random_uuid(), ch.uid, ${data.authorId}::uuid, ch.kind::"NotificationKind", ${post.id}::uuid, NULL,
                 ${notify.excerpt}, ${post.createdAt}
          FROM chosen ch
          RETURNING "id", "userId", "kind"`;
        return { post, notified };
      });
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
