import type { Db } from "../db/client";
import type { Role } from "../dto";
import { toAccess, toPublicUser, viewerSelect } from "../users/users.repository";
import type { TProviderIdentity } from "./identity.schema";

/** All Prisma for identity-provider accounts: who a provider identity is, linking, creating. */
export function createIdentityRepository(db: Db) {
  return {
    /** The member this provider identity is linked to, with their access (role, ban, version). */
    async findByAccount(provider: string, providerAccountId: string) {
      const row = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: viewerSelect } },
      });
      return row ? toAccess(row.user) : null;
    },
    async findByEmail(email: string) {
      const row = await db.user.findUnique({ where: { email }, select: viewerSelect });
      return row ? toAccess(row) : null;
    },
    async usernameTaken(username: string) {
      // citext: equality ignores case.
      return (await db.user.count({ where: { username } })) > 0;
    },
    /**
     * Links the identity to an existing member whose address the provider verified; an address
     * not yet verified here counts as verified now (with `role` from ADMIN_EMAILS).
     */
    async link(userId: string, identity: TProviderIdentity, role?: Role) {
      return db.$transaction(async (tx) => {
        await tx.account.create({
          data: { userId, provider: identity.provider, providerAccountId: identity.providerAccountId, email: identity.email },
        });
        await tx.user.updateMany({
          where: { id: userId, emailVerifiedAt: null },
          data: { emailVerifiedAt: new Date(), ...(role ? { role } : {}) },
        });
        const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: viewerSelect });
        return toAccess(row);
      });
    },
    /** A new member without a password, and their provider account, in one write. */
    async createWithAccount(data: { identity: TProviderIdentity; email: string; username: string; role: Role; verified: boolean }) {
      const { identity } = data;
      const row = await db.user.create({
        data: {
          email: data.email,
          username: data.username,
          passwordHash: null,
          role: data.role,
          emailVerifiedAt: data.verified ? new Date() : null,
          accounts: { create: { provider: identity.provider, providerAccountId: identity.providerAccountId, email: identity.email } },
        },
        select: { ...viewerSelect, createdAt: true },
      });
      return { access: toAccess(row), user: toPublicUser(row) };
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
