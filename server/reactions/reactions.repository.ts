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
