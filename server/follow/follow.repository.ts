import { Prisma, type Db } from "../db/client";
import type { WatchLevel } from "../dto";
import type { PostCursor } from "../posts/posts.repository";

const LEVEL_IN = { watching: "WATCHING", normal: "NORMAL", muted: "MUTED" } as const;
const LEVEL_OUT = { WATCHING: "watching", NORMAL: "normal", MUTED: "muted" } as const;

/** A member's effective watch level on a post: the post's own level, else muted when its category is muted, else normal. */
export function effectiveLevel(postLevel: string | null, categoryLevel: string | null): WatchLevel {
  const level = (postLevel ?? (categoryLevel === "MUTED" ? "MUTED" : "NORMAL")) as keyof typeof LEVEL_OUT;
  return LEVEL_OUT[level];
}

/** How long a never-opened post counts as "new". */
export const NEW_FOR_DAYS = 14;

/** Read positions and watches: who has read what, and who follows or mutes what. */
export function createFollowRepository(db: Db) {
  return {
    /** Moves the read position forward only, clamped to the post's last seq. */
    async markRead(userId: string, postId: string, seq: number): Promise<void> {
      await db.$executeRaw`
        INSERT INTO "ReadPosition" ("userId", "postId", "readSeq", "updatedAt")
        SELECT ${userId}::uuid, p."id", LEAST(${seq}::int, p."lastSeq"), now() FROM "Post" p WHERE p."id" = ${postId}::uuid
        ON CONFLICT ("userId", "postId") DO UPDATE
          SET "readSeq" = GREATEST("ReadPosition"."readSeq", EXCLUDED."readSeq"), "updatedAt" = now()`;
    },

    async setPostLevel(userId: string, postId: string, level: WatchLevel): Promise<void> {
      await db.watch.upsert({
        where: { userId_postId: { userId, postId } },
        create: { userId, postId, level: LEVEL_IN[level] },
        update: { level: LEVEL_IN[level], updatedAt: new Date() },
      });
    },

    async setCategoryLevel(userId: string, categoryId: string, level: WatchLevel): Promise<void> {
      await db.watch.upsert({
        where: { userId_categoryId: { userId, categoryId } },
        create: { userId, categoryId, level: LEVEL_IN[level] },
        update: { level: LEVEL_IN[level], updatedAt: new Date() },
      });
    },

    async categoryLevel(userId: string, categoryId: string): Promise<WatchLevel> {
      const row = await db.watch.findUnique({ where: { userId_categoryId: { userId, categoryId } }, select: { level: true } });
      return row ? LEVEL_OUT[row.level] : "normal";
    },

    /**
     * Each post's read position for the member and their effective watch level: the post's own
     * level, else muted when its category is muted, else normal.
     */
    async state(userId: string, postIds: string[]) {
      const rows = await db.$queryRaw<{ id: string; readSeq: number | null; postLevel: string | null; categoryLevel: string | null }[]>`
        SELECT p."id", rp."readSeq", w."level"::text AS "postLevel", cw."level"::text AS "categoryLevel"
        FROM "Post" p
        LEFT JOIN "ReadPosition" rp ON rp."postId" = p."id" AND rp."userId" = ${userId}::uuid
        LEFT JOIN "Watch" w ON w."postId" = p."id" AND w."userId" = ${userId}::uuid
        LEFT JOIN "Watch" cw ON cw."categoryId" = p."categoryId" AND cw."userId" = ${userId}::uuid
        WHERE p."id" = ANY(${postIds}::uuid[])`;
      return new Map(
        rows.map((r) => [r.id, { readSeq: r.readSeq, watchLevel: effectiveLevel(r.postLevel, r.categoryLevel) }]),
      );
    },

    /**
     * The member's "unread" (opened, with comments after their read position) or "new" (never
     * opened, recent) posts, latest activity first: ids only, keyset-paged like every list.
     * Muted posts and muted categories' posts (unless the post has a level of its own) are left out.
     */
    async filteredIds(opts: { userId: string; filter: "unread" | "new"; staff: boolean; cursor?: PostCursor; limit: number }) {
      const { userId, cursor } = opts;
      const which =
        opts.filter === "unread"
          ? Prisma.sql`rp."readSeq" IS NOT NULL AND p."lastSeq" > rp."readSeq"`
          : Prisma.sql`rp."readSeq" IS NULL AND p."createdAt" > now() - make_interval(days => ${NEW_FOR_DAYS}::int)`;
      const after = cursor
        ? Prisma.sql`AND (p."lastActivityAt", p."id") < (${new Date(cursor.at)}::timestamp(3), ${cursor.id}::uuid)`
        : Prisma.empty;
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT p."id" FROM "Post" p
        LEFT JOIN "ReadPosition" rp ON rp."postId" = p."id" AND rp."userId" = ${userId}::uuid
        LEFT JOIN "Watch" w ON w."postId" = p."id" AND w."userId" = ${userId}::uuid
        WHERE p."deletedAt" IS NULL AND (${opts.staff} OR NOT p."hidden") AND ${which} ${after}
          AND (w."level" IS NULL OR w."level" <> 'MUTED')
          AND (w."level" IS NOT NULL OR NOT EXISTS (
            SELECT 1 FROM "Watch" cw WHERE cw."userId" = ${userId}::uuid AND cw."categoryId" = p."categoryId" AND cw."level" = 'MUTED'))
        ORDER BY p."lastActivityAt" DESC, p."id" DESC
        LIMIT ${opts.limit + 1}`;
      return rows.map((r) => r.id);
    },
  };
}

export type FollowRepository = ReturnType<typeof createFollowRepository>;
