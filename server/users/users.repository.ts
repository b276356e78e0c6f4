import type { Db } from "../db/client";
import type { UserGetPayload } from "../db/generated/models";
import type { PublicUser, Role, Viewer } from "../dto";
import { avatarUrlOf, toUserRef, userRefSelect } from "./user-ref";

/** What every request and handshake needs to know about its user. */
export const viewerSelect = {
  id: true,
  username: true,
  role: true,
  sessionVersion: true,
  bannedAt: true,
  bannedUntil: true,
  banReason: true,
  locale: true,
  emailVerifiedAt: true,
  email: true,
  avatarKey: true,
  bio: true,
  // Read to learn whether there is one (`hasPassword`); toAccess drops the hash itself.
  passwordHash: true,
} as const;

export type UserAccess = Viewer;

type AccessRow = UserGetPayload<{ select: typeof viewerSelect }>;
type BanColumns = Pick<AccessRow, "bannedAt" | "bannedUntil" | "banReason">;

/** The ban in force, if any (a ban whose end date has passed is no ban). */
export function banOf(row: BanColumns, now = new Date()): Viewer["ban"] {
  const banned = row.bannedAt !== null && (row.bannedUntil === null || row.bannedUntil > now);
  return banned ? { reason: row.banReason, until: row.bannedUntil?.toISOString() ?? null } : null;
}

export function toAccess(row: AccessRow, now = new Date()): UserAccess {
  return {
    id: row.id,
    username: row.username,
    avatarUrl: avatarUrlOf(row.avatarKey),
    avatarKey: row.avatarKey,
    bio: row.bio,
    role: row.role,
    sessionVersion: row.sessionVersion,
    locale: row.locale,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    hasPassword: Boolean(row.passwordHash),
    ban: banOf(row, now),
  };
}

const publicSelect = { ...userRefSelect, role: true, createdAt: true } as const;

export function toPublicUser(row: { id: string; username: string; avatarKey: string | null; role: Role; createdAt: Date }): PublicUser {
  return { id: row.id, username: row.username, avatarUrl: avatarUrlOf(row.avatarKey), role: row.role, createdAt: row.createdAt.toISOString() };
}

/**
 * Prisma's insensitive `equals`/`startsWith` become ILIKE with the value as the pattern, so
 * `_` and `%` in it would match anything (`b_b` finding `bob`): escape them (and the escape).
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createUsersRepository(db: Db) {
  return {
    async create(data: { email: string; username: string; passwordHash: string; role: Role; emailVerifiedAt?: Date | null }) {
      return toPublicUser(await db.user.create({ data, select: publicSelect }));
    },
    async findTaken(email: string, username: string) {
      const rows = await db.user.findMany({
        // username is citext: equality ignores case, with no LIKE wildcards involved.
        where: { OR: [{ email }, { username }] },
        select: { email: true, username: true },
      });
      return {
        email: rows.some((r) => r.email === email),
        username: rows.some((r) => r.username.toLowerCase() === username.toLowerCase()),
      };
    },
    /**
     * The only place a password hash is handed on: for verification, never returned further
     * (`viewerSelect` reads it too, but `toAccess` keeps only whether there is one).
     */
    async findCredentials(email: string) {
      const row = await db.user.findUnique({ where: { email }, select: viewerSelect });
      return row ? { access: toAccess(row), passwordHash: row.passwordHash } : null;
    },
    async findAccess(id: string) {
      // A deleted account has no access: whatever token still names it is refused.
      const row = await db.user.findUnique({ where: { id, deletedAt: null }, select: viewerSelect });
      return row ? toAccess(row) : null;
    },
    async findAccessMany(ids: string[]) {
      const rows = await db.user.findMany({ where: { id: { in: ids }, deletedAt: null }, select: viewerSelect });
      return rows.map((r) => toAccess(r));
    },
    async findPublicByUsername(username: string) {
      const row = await db.user.findFirst({
        where: { username, deletedAt: null },
        select: { ...publicSelect, bio: true },
      });
      return row ? { ...toPublicUser(row), bio: row.bio } : null;
    },
    async findIdsByUsernames(usernames: string[]) {
      if (usernames.length === 0) return [];
      return db.user.findMany({
        where: { deletedAt: null, OR: usernames.map((u) => ({ username: u })) },
        select: { id: true, username: true },
        take: 20,
      });
    },
    /** Members whose username starts with `prefix` (any case; no wildcards), alphabetically. */
    async findByPrefix(prefix: string, limit: number) {
      const rows = await db.user.findMany({
        where: { deletedAt: null, username: { startsWith: escapeLike(prefix), mode: "insensitive" } },
        select: userRefSelect,
        orderBy: { username: "asc" },
        take: limit,
      });
      return rows.map(toUserRef);
    },
    async count() {
      return db.user.count();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
