import type { Db } from "../db/client";
import type { ReactionCounts, ReactionKind } from "../dto";

type Target = { targetType: "POST" | "COMMENT"; targetId: string };

export function createReactionsRepository(db: Db) {
  return {
    async set(userId: string, t: Target, kind: ReactionKind) {
      await db.reaction.upsert({
        where: { userId_targetType_targetId: { userId, ...t } },
        create: { userId, ...t, kind },
        update: { kind },
      });
    },
    async clear(userId: string, t: Target) {
      await db.reaction.deleteMany({ where: { userId, ...t } });
    },
    async mine(userId: string, targetType: "POST" | "COMMENT", ids: string[]) {
      if (ids.length === 0) return new Map<string, ReactionKind>();
      const rows = await db.reaction.findMany({
        where: { userId, targetType, targetId: { in: ids } },
        select: { targetId: true, kind: true },
      });
      return new Map(rows.map((r) => [r.targetId, r.kind]));
    },
    /**
     * A member's own reactions in one post: on the post itself and on any of its comments (also
     * those past the first page, so comments paged in later show theirs too), in one query.
     */
    async mineInPost(userId: string, postId: string): Promise<{ post: ReactionKind | null; comments: Record<string, ReactionKind> }> {
      const rows = await db.$queryRaw<{ targetType: "POST" | "COMMENT"; targetId: string; kind: ReactionKind }[]>`
        SELECT r."targetType"::text AS "targetType", r."targetId"::text AS "targetId", r.kind::text AS kind
        FROM "Reaction" r
        WHERE r."userId" = ${userId}::uuid
          AND ((r."targetType" = 'POST' AND r."targetId" = ${postId}::uuid)
            OR (r."targetType" = 'COMMENT' AND r."targetId" IN (SELECT c.id FROM "Comment" c WHERE c."postId" = ${postId}::uuid)))`;
      const mine: { post: ReactionKind | null; comments: Record<string, ReactionKind> } = { post: null, comments: {} };
      for (const r of rows) {
        if (r.targetType === "POST") mine.post = r.kind;
        else mine.comments[r.targetId] = r.kind;
      }
      return mine;
    },
    /** Reaction counts per target, in one grouped query. */
    async counts(targetType: "POST" | "COMMENT", ids: string[]): Promise<Map<string, ReactionCounts>> {
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

export type ReactionsRepository = ReturnType<typeof createReactionsRepository>;
