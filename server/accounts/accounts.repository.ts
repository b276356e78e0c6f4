import type { Db } from "../db/client";
import type { Role } from "../dto";

export type TokenKind = "VERIFY_EMAIL" | "RESET_PASSWORD";

/** All Prisma for account upkeep: mailed tokens, verified emails, password hashes. */
export function createAccountsRepository(db: Db) {
  const accountSelect = { id: true, email: true, username: true, locale: true, emailVerifiedAt: true } as const;
  return {
    findById: (id: string) => db.user.findUnique({ where: { id }, select: accountSelect }),
    findByEmail: (email: string) => db.user.findUnique({ where: { email }, select: accountSelect }),
    /** For checking the current password only; never returned further. */
    async passwordHash(id: string) {
      return (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
    },
    async setPasswordHash(id: string, passwordHash: string) {
      await db.user.update({ where: { id }, data: { passwordHash } });
    },

    async createToken(data: { userId: string; kind: TokenKind; tokenHash: string; email: string; expiresAt: Date }) {
      await db.accountToken.create({ data });
    },
    /**
     * Uses a token: marks it used if it exists, is of `kind`, unused and unexpired, in one
     * conditional update (two concurrent uses: one wins). Returns its user and address.
     */
    async useToken(tokenHash: string, kind: TokenKind) {
      const now = new Date();
      return db.$transaction(async (tx) => {
        const row = await tx.accountToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, email: true } });
        if (!row) return null;
        const { count } = await tx.accountToken.updateMany({
          where: { id: row.id, kind, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        return count === 1 ? { userId: row.userId, email: row.email } : null;
      });
    },
    /** Other outstanding tokens of that kind stop working (a reset used, a password changed). */
    async expireTokens(userId: string, kind: TokenKind) {
      await db.accountToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } });
    },

    /**
     * Marks `email` verified for the user, if it is still their address; `role` (ADMIN_EMAILS)
     * is granted in the same update. Returns whether the address matched.
     */
    async markVerified(userId: string, email: string, role?: Role) {
      const { count } = await db.user.updateMany({
        where: { id: userId, email },
        data: { emailVerifiedAt: new Date(), ...(role ? { role } : {}) },
      });
      return count === 1;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
