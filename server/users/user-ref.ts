import type { UserRef } from "../dto";

/**
 * How a user appears wherever another entity names them (authors, actors, reporters, presence):
 * one Prisma `select` for every repository and one mapping, so `avatarUrl` cannot be missing
 * from one list and present in another.
 */
export const userRefSelect = { id: true, username: true, avatarKey: true } as const;

/** The public, immutable URL of an avatar stored under `key` (its content hash). */
export function avatarUrlOf(key: string | null | undefined): string | null {
  return key ? `/api/v1/avatars/${key}.webp` : null;
}

export function toUserRef(row: { id: string; username: string; avatarKey: string | null }): UserRef {
  return { id: row.id, username: row.username, avatarUrl: avatarUrlOf(row.avatarKey) };
}
