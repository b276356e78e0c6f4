import pg from "pg";
import { ACCESS_CHANNEL } from "../server/users/access-cache";

export type Role = "MEMBER" | "MODERATOR" | "ADMIN";

/**
 * Direct writes for test set-up where the API has no door yet (or the door is what is under
 * test elsewhere): roles, bans, session revocation, locking. Test support only.
 */
export function directDb(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const one = async (sql: string, params: unknown[]) => {
    const { rowCount } = await pool.query(sql, params);
    if (rowCount !== 1) throw new Error(`expected one row to change, got ${rowCount}: ${sql}`);
  };
  /**
   * one() for a change to a member's row. Nodes keep members' access rows and forget one when
   * PostgreSQL's notification of its change reaches them (server/users/access-cache.ts): this
   * waits for its own copy of that notification, sent to every listener at the same commit, so
   * the test's next request meets a node that has heard it, as it would after a moderator's ban.
   */
  const oneUser = async (userId: string, sql: string, params: unknown[]) => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${ACCESS_CHANNEL}`);
      const heard = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${ACCESS_CHANNEL} notification for ${userId} within 10 s`)), 10_000);
        listener.on("notification", (m) => {
          if (m.payload === userId) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await one(sql, params);
      await heard;
    } finally {
      await listener.end();
    }
  };
  return {
    query: <R extends pg.QueryResultRow = any>(sql: string, params: unknown[] = []) => pool.query<R>(sql, params),
    /** A sign-in session row, as sign-in creates one; its id goes into a minted token's `sid`. */
    async createSession(userId: string) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO "Session" (id, "userId", "userAgent") VALUES (gen_random_uuid(), $1::uuid, 'test') RETURNING id`,
        [userId],
      );
      return rows[0].id;
    },
    setRole: (userId: string, role: Role) => oneUser(userId, `UPDATE "User" SET role = $2::"Role" WHERE id = $1::uuid`, [userId, role]),
    /** Revokes every session issued so far (what sign-out-everywhere and bans do). */
    bumpSessionVersion: (userId: string) =>
      oneUser(userId, `UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1::uuid`, [userId]),
    ban: (userId: string, reason: string | null = "test ban", until: Date | null = null) =>
      oneUser(userId, `UPDATE "User" SET "bannedAt" = now(), "banReason" = $2, "bannedUntil" = $3 WHERE id = $1::uuid`, [
        userId,
        reason,
        until,
      ]),
    /** Moves the end of a member's current ban, e.g. into the past to stand for its running out. */
    setBanUntil: (userId: string, until: Date) =>
      oneUser(userId, `UPDATE "User" SET "bannedUntil" = $2 WHERE id = $1::uuid AND "bannedAt" IS NOT NULL`, [userId, until]),
    unban: (userId: string) =>
      oneUser(userId, `UPDATE "User" SET "bannedAt" = NULL, "banReason" = NULL, "bannedUntil" = NULL WHERE id = $1::uuid`, [userId]),
    setPostFlags: (postId: string, flags: { locked?: boolean; pinned?: boolean; hidden?: boolean }) =>
      one(
        `UPDATE "Post" SET locked = COALESCE($2, locked), pinned = COALESCE($3, pinned), hidden = COALESCE($4, hidden) WHERE id = $1::uuid`,
        [postId, flags.locked ?? null, flags.pinned ?? null, flags.hidden ?? null],
      ),
    setCommentHidden: (commentId: string, hidden: boolean) =>
      one(`UPDATE "Comment" SET hidden = $2 WHERE id = $1::uuid`, [commentId, hidden]),
    /** A category of its own, so a test can list posts without other tests' posts in the way. */
    async createCategory(slug: string, name = slug) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO "Category" (id, slug, name, description, position) VALUES (gen_random_uuid(), $1, $2, '', 1000) RETURNING id`,
        [slug, name],
      );
      return { id: rows[0].id, slug, name };
    },
    close: () => pool.end(),
  };
}

export type DirectDb = ReturnType<typeof directDb>;
