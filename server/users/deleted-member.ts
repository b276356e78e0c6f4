/**
 * A deleted account stays as a tombstone row so that its posts and comments keep a stable
 * author id (foreign keys, notifications, the audit log all keep working). Its email,
 * username and password hash are replaced by values no one can register or sign in with
 * (`:` is never allowed in a username or an email's local part as Parley validates them, and
 * the hash verifies nothing), which frees the old email and username at once.
 *
 * In the API a deleted author is `{id, username: "", deleted: true}`: the same id as before,
 * no name (server/users/user-ref.ts maps it); the interface shows a translated "deleted member" in its place.
 */
const PREFIX = "deleted:";

export function tombstoneIdentity(userId: string) {
  return { email: `${PREFIX}${userId}`, username: `${PREFIX}${userId}`, passwordHash: "", avatarKey: null };
}

export const isDeletedUsername = (username: string) => username.startsWith(PREFIX);
