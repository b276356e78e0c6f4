import type { UserRef } from "../dto";
import { isDeletedUsername } from "./deleted-member";

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

/** How any user reference leaves the server: a deleted member keeps their id and loses their name and face. */
export function toUserRef(row: { id: string; username: string; avatarKey: string | null }): UserRef {
  if (isDeletedUsername(row.username)) return { id: row.id, username: "", avatarUrl: null, deleted: true };
  return { id: row.id, username: row.username, avatarUrl: avatarUrlOf(row.avatarKey) };
}
