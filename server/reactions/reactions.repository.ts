import type { Db } from "../db/client";
import type { ReactionKind } from "../dto";

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
      return new Map(rows.map((r) => [r.targetId, r.kind as ReactionKind]));
    },
  };
}

export type ReactionsRepository = ReturnType<typeof createReactionsRepository>;
