import type { Db } from "../db/client";

export interface DueNotification {
  id: string;
  userId: string;
  kind: "REPLY" | "MENTION" | "WATCHED_COMMENT" | "WATCHED_POST";
  postId: string;
  commentId: string | null;
  excerpt: string;
  read: boolean;
  /** The post and comment can still be seen by the member (not deleted, not hidden). */
  visible: boolean;
  title: string;
  actorName: string;
  email: string;
  username: string;
  locale: string | null;
  /** The member wants notification mail and has an account (not deleted). */
  wantsMail: boolean;
}

/** All SQL of notification mail: one statement claims a batch and reads what the mail needs. */
export function createNotificationMailRepository(db: Db) {
  return {
    /**
     * Claims up to `limit` notifications older than `delayMs` that no mailer has looked at: marks
     * them checked (SKIP LOCKED: several nodes share the work, none takes another's rows) and
     * returns them with their recipient, actor and post, in one statement that commits at once.
     * Read ones are claimed too (and then skipped), so the unchecked set stays small.
     */
    claimDue(delayMs: number, limit: number): Promise<DueNotification[]> {
      return db.$queryRaw<DueNotification[]>`
        WITH claimed AS (
          UPDATE "Notification" SET "mailCheckedAt" = (now() AT TIME ZONE 'UTC')
          WHERE id IN (
            SELECT id FROM "Notification"
            WHERE "mailCheckedAt" IS NULL
              AND "createdAt" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${delayMs / 1000}::float8)
            ORDER BY "createdAt"
            LIMIT ${limit}::int
            FOR UPDATE SKIP LOCKED
          )
          RETURNING id, "userId", "actorId", kind, "postId", "commentId", excerpt, "readAt", "createdAt"
        )
        SELECT c.id, c."userId", c.kind::text AS kind, c."postId", c."commentId", c.excerpt,
               c."readAt" IS NOT NULL AS read,
               (p."deletedAt" IS NULL AND NOT p.hidden AND (cm.id IS NULL OR (cm."deletedAt" IS NULL AND NOT cm.hidden))) AS visible,
               p.title, a.username AS "actorName", r.email, r.username, r.locale,
               (r."emailNotifications" AND r."deletedAt" IS NULL) AS "wantsMail"
        FROM claimed c
        JOIN "User" r ON r.id = c."userId"
        JOIN "User" a ON a.id = c."actorId"
        JOIN "Post" p ON p.id = c."postId"
        LEFT JOIN "Comment" cm ON cm.id = c."commentId"
        ORDER BY c."createdAt"`;
    },
  };
}

export type NotificationMailRepository = ReturnType<typeof createNotificationMailRepository>;
