import type { Db } from "../db/client";

/** All Prisma for sign-in sessions (one row per sign-in; its id is the JWT's `sid`). */
export function createSessionsRepository(db: Db) {
  const listSelect = { id: true, createdAt: true, lastSeenAt: true, userAgent: true } as const;
  return {
    async create(userId: string, userAgent: string, method: string) {
      const row = await db.session.create({ data: { userId, userAgent: userAgent.slice(0, 400), method }, select: { id: true } });
      return row.id;
    },
    /** How and when a session was made (identity-provider sign-ins count as fresh proof for a while). */
    origin(id: string) {
      return db.session.findUnique({ where: { id }, select: { method: true, createdAt: true } });
    },
    /** Whose session it is and when it was last seen (the member's access comes from the access cache). */
    find(id: string) {
      return db.session.findUnique({ where: { id }, select: { userId: true, lastSeenAt: true } });
    },
    /** find() for many sessions in one query (a burst of socket handshakes). */
    async findMany(ids: string[]) {
      const rows = await db.session.findMany({ where: { id: { in: ids } }, select: { id: true, userId: true, lastSeenAt: true } });
      return new Map(rows.map((row) => [row.id, { userId: row.userId, lastSeenAt: row.lastSeenAt }]));
    },
    /** Stamps these sessions as seen at `at` (one statement for a burst of them). */
    async touch(ids: string[], at: Date) {
      await db.session.updateMany({ where: { id: { in: ids } }, data: { lastSeenAt: at } });
    },
    list(userId: string) {
      return db.session.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" }, select: listSelect });
    },
    /** Deletes the given sessions of `userId` (others' ids are ignored); the ids actually deleted. */
    async delete(userId: string, ids: string[]) {
      if (ids.length === 0) return [];
      const rows = await db.session.findMany({ where: { userId, id: { in: ids } }, select: { id: true } });
      await db.session.deleteMany({ where: { userId, id: { in: rows.map((r) => r.id) } } });
      return rows.map((r) => r.id);
    },
    /** Deletes every session of `userId` except `keep`; the ids deleted. */
    async deleteAllBut(userId: string, keep: string | null) {
      const rows = await db.session.findMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) }, select: { id: true } });
      await db.session.deleteMany({ where: { userId, id: { in: rows.map((r) => r.id) } } });
      return rows.map((r) => r.id);
    },
    /** Which of these ids still exist (for the sockets' periodic re-check). */
    async existing(ids: string[]) {
      if (ids.length === 0) return new Set<string>();
      const rows = await db.session.findMany({ where: { id: { in: ids } }, select: { id: true } });
      return new Set(rows.map((r) => r.id));
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
