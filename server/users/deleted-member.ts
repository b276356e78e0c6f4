import type { UserRef } from "../dto";

/**
 * A deleted account stays as a tombstone row so that its posts and comments keep a stable
 * author id (foreign keys, notifications, the audit log all keep working). Its email,
 * username and password hash are replaced by values no one can register or sign in with
 * (`:` is never allowed in a username or an email's local part as Parley validates them, and
 * the hash verifies nothing), which frees the old email and username at once.
 *
 * In the API a deleted author is `{id, username: "", deleted: true}`: the same id as before,
 * no name; the interface shows a translated "deleted member" in its place.
 */
const PREFIX = "deleted:";

export function tombstoneIdentity(userId: string) {
  return { email: `${PREFIX}${userId}`, username: `${PREFIX}${userId}`, passwordHash: "" };
}

export const isDeletedUsername = (username: string) => username.startsWith(PREFIX);

/** How any user reference leaves the server: a deleted member keeps their id and loses their name. */
export function userRef<T extends { id: string; username: string }>(u: T): UserRef {
  return isDeletedUsername(u.username) ? { id: u.id, username: "", deleted: true } : { id: u.id, username: u.username };
}
