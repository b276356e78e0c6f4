import type { Logger } from "pino";
import type { MailService } from "../mail/mail.service";
import type { NotifyItem } from "../mail/notify-template";
import { isDeletedUsername } from "../users/deleted-member";
import type { DueNotification, NotificationMailRepository } from "./notification-mail.repository";

export interface NotificationMailerOptions {
  repo: NotificationMailRepository;
  mail: MailService;
  /** Members with a live socket now (they see notifications live: no mail). */
  online(): Promise<Set<string>>;
  /** The signed token of a member's unsubscribe links. */
  unsubscribeToken(userId: string): string;
  log: Pick<Logger, "warn" | "info">;
  /** A notification is mailed once it is this old and still unread. */
  delayMs: number;
  /** How often each node looks. */
  pollMs: number;
  batch?: number;
}

const linkOf = (n: DueNotification) => `/p/${n.postId}${n.commentId ? `#comment-${n.commentId}` : ""}`;

/**
 * Mail about notifications members have not seen, off the request path: every node polls,
 * claims a batch of notifications older than `delayMs` (one statement, SKIP LOCKED), drops
 * what was read, is no longer visible, or belongs to a member who is online, turned mail off
 * or deleted their account, and queues one mail per remaining member in the outbox. Nothing
 * runs inside a comment's transaction, and no query is made per recipient. A notification
 * is looked at once: a node that dies between the claim and the outbox loses that mail
 * (at most once, never twice).
 */
export function createNotificationMailer(opts: NotificationMailerOptions) {
  const { repo, mail, log } = opts;
  const batch = opts.batch ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function mailBatch(rows: DueNotification[]): Promise<number> {
    const online = await opts.online();
    const byMember = new Map<string, DueNotification[]>();
    for (const n of rows) {
      if (n.read || !n.visible || !n.wantsMail || online.has(n.userId)) continue;
      byMember.set(n.userId, [...(byMember.get(n.userId) ?? []), n]);
    }
    for (const [userId, list] of byMember) {
      const first = list[0];
      const token = encodeURIComponent(opts.unsubscribeToken(userId));
      const items: NotifyItem[] = list.map((n) => ({
        kind: n.kind,
        actor: isDeletedUsername(n.actorName) ? null : n.actorName,
        title: n.title,
        excerpt: n.excerpt,
        link: mail.link(linkOf(n)),
      }));
      await mail.send(first.email, first.locale, {
        kind: "notify",
        username: first.username,
        items,
        link: mail.link("/notifications?unread=1"),
        unsubscribePage: mail.link(`/unsubscribe/${token}`),
        unsubscribePost: mail.link(`/api/v1/unsubscribe/${token}`),
      });
    }
    return byMember.size;
  }

  /** Mails everything due now; resolves with the number of mails queued. */
  async function runOnce(): Promise<number> {
    let queued = 0;
    for (;;) {
      const rows = await repo.claimDue(opts.delayMs, batch);
      if (rows.length) queued += await mailBatch(rows);
      if (rows.length < batch || stopped) return queued;
    }
  }

  function tick() {
    if (running || stopped) return running;
    running = runOnce()
      .catch((err) => {
        log.warn({ err }, "notification mail could not run");
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    start() {
      timer = setInterval(() => void tick(), opts.pollMs);
      timer.unref();
    },
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export type NotificationMailer = ReturnType<typeof createNotificationMailer>;
