import type { Db } from "../db/client";
import type { Draft } from "../dto";

const select = { key: true, title: true, body: true, updatedAt: true } as const;

export function createDraftsRepository(db: Db) {
  return {
    async find(userId: string, key: string): Promise<Draft | null> {
      const row = await db.draft.findUnique({ where: { userId_key: { userId, key } }, select });
      return row && { ...row, updatedAt: row.updatedAt.toISOString() };
    },
    /** Saves the draft and, in the same transaction, evicts the member's oldest beyond `keep`. */
    async save(userId: string, key: string, draft: { title: string | null; body: string }, keep: number): Promise<void> {
      const now = new Date();
      await db.$transaction([
        db.draft.upsert({
          where: { userId_key: { userId, key } },
          create: { userId, key, ...draft, updatedAt: now },
          update: { ...draft, updatedAt: now },
        }),
        db.$executeRaw`
          DELETE FROM "Draft" WHERE "userId" = ${userId}::uuid AND "key" NOT IN (
            SELECT "key" FROM "Draft" WHERE "userId" = ${userId}::uuid ORDER BY "updatedAt" DESC, "key" LIMIT ${keep})`,
      ]);
    },
    async remove(userId: string, key: string): Promise<void> {
      await db.draft.deleteMany({ where: { userId, key } });
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
