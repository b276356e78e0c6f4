import type { Db } from "../db/client";
import type { RenderedMail } from "./templates";

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string> | null;
  attempts: number;
}

/** All Prisma for the mail outbox. Timestamps are compared in UTC, as Prisma stores them. */
export function createMailRepository(db: Db) {
  return {
    async enqueue(to: string, mail: RenderedMail) {
      const row = await db.mailOutbox.create({
        data: { to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers ?? undefined, nextAttemptAt: new Date() },
        select: { id: true },
      });
      return row.id;
    },
    /**
     * Claims up to `limit` due messages for this node: one statement, committed at once, that
     * moves each row's nextAttemptAt `leaseMs` ahead (a lease). SKIP LOCKED lets two nodes
     * claim at the same moment without waiting for or taking each other's rows, and nothing
     * is sent while a row lock is held. A node that dies mid-send leaves the lease to expire:
     * the message is tried again later.
     */
    claim(limit: number, leaseMs: number, maxAttempts: number): Promise<OutboxRow[]> {
      return db.$queryRaw<OutboxRow[]>`
        UPDATE "MailOutbox" SET
          "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8),
          attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM "MailOutbox"
          WHERE "sentAt" IS NULL AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AND attempts < ${maxAttempts}::int
          ORDER BY "nextAttemptAt"
          LIMIT ${limit}::int
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, "to", subject, text, html, headers, attempts`;
    },
    /** Sent: the body is dropped (it may hold a single-use link), the envelope kept. */
    async markSent(id: string) {
      await db.mailOutbox.update({ where: { id }, data: { sentAt: new Date(), text: "", html: "", lastError: null } });
    },
    async markFailed(id: string, error: string, retryAt: Date) {
      await db.mailOutbox.update({ where: { id }, data: { lastError: error.slice(0, 500), nextAttemptAt: retryAt } });
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
