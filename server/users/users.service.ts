import { hash, verify } from "@node-rs/argon2";
import { conflict, unauthenticated, type ErrorDetail } from "../errors";
import { isUniqueViolation } from "../db/errors";
import type { PublicUser, Role, Viewer } from "../dto";
import type { UsersRepository, UserAccess } from "./users.repository";
import type { TRegisterInput } from "./users.schema";
import type { AccessCache } from "./access-cache";

// argon2id with OWASP's minimum profile (19 MiB, 2 passes): strong yet cheap enough for 2 cores.
export const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface UsersDeps {
  repo: UsersRepository;
  adminEmails: Set<string>;
  /** Members' access rows: this node's cache over repo.findAccess, or straight reads. */
  access: AccessCache;
}

export function createUsersService({ repo, adminEmails, access }: UsersDeps) {
  // Verifying against a throwaway hash when the email is unknown keeps the response time
  // the same, so sign-in does not reveal which emails have accounts.
  const dummyHash = hash("parley-timing-equaliser", ARGON);

  /** `verified`: the address is known to be the member's (demo accounts, operators). */
  async function createAccount(input: TRegisterInput & { role: Role; verified?: boolean }): Promise<PublicUser> {
    const taken = await repo.findTaken(input.email, input.username);
    const details: ErrorDetail[] = [];
    if (taken.email) details.push({ field: "email", message: "is already registered" });
    if (taken.username) details.push({ field: "username", message: "is already taken" });
    if (details.length) throw conflict(details.map((d) => `${d.field} ${d.message}`).join("; "), details);
    const passwordHash = await hash(input.password, ARGON);
    try {
      return await repo.create({
        email: input.email,
        username: input.username,
        passwordHash,
        role: input.role,
        emailVerifiedAt: input.verified ? new Date() : null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("email or username is already taken");
      throw err;
    }
  }

  return {
    /**
     * Self-service sign-up, always as MEMBER: an address listed in ADMIN_EMAILS gets ADMIN only
     * once it is verified (services.accounts.verifyEmail), so registering it first proves nothing.
     */
    register: (input: TRegisterInput) => createAccount({ ...input, role: "MEMBER" }),
    /** Whether ADMIN_EMAILS lists this address. */
    isAdminEmail: (email: string) => adminEmails.has(email.toLowerCase()),
    /** For the demo seed and operators; never reachable from the API with a chosen role. */
    createAccount,

    /** The signed-in user for valid credentials, else null. Banned users are returned with `ban` set. */
    async verifyCredentials(email: string, password: string): Promise<UserAccess | null> {
      const found = await repo.findCredentials(email);
      // No account, or one made through an identity provider that never set a password: the
      // same work and the same answer, so neither case is told apart from a wrong password.
      if (!found?.passwordHash) {
        await verify(await dummyHash, password).catch(() => false);
        return null;
      }
      const ok = await verify(found.passwordHash, password).catch(() => false);
      return ok ? found.access : null;
    },

    /** The signed-in user as /me shows them. */
    me(viewer: Viewer | null) {
      if (!viewer) throw unauthenticated();
      return {
        id: viewer.id,
        username: viewer.username,
        role: viewer.role,
        email: viewer.email,
        emailVerified: viewer.emailVerified,
        hasPassword: viewer.hasPassword,
        bio: viewer.bio,
        avatarUrl: viewer.avatarUrl,
        locale: viewer.locale,
        ban: viewer.ban,
      };
    },

    /** A member's access row, through this node's cache (server/users/access-cache.ts). */
    findAccess: access.read,
    /**
     * Members' access rows straight from the database: the sockets' periodic recheck
     * (server/realtime/recheck.ts) is the net under the cache as well as under the relay.
     */
    findAccessMany: repo.findAccessMany,
    count: repo.count,
    findPublicByUsername: repo.findPublicByUsername,
    /** Mention autocomplete: members whose username starts with `prefix`. */
    byPrefix: (prefix: string, limit: number) => repo.findByPrefix(prefix, limit),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
