import type { Logger } from "pino";
import type { MailRepository } from "./mail.repository";
import type { MailTransport } from "./transport";

export interface OutboxOptions {
  repo: MailRepository;
  transport: MailTransport;
  from: string;
  log: Pick<Logger, "warn" | "error">;
  /** How often to look for due mail (other nodes' mail, retries). */
  pollMs?: number;
  /** First retry after this long, doubling each time up to an hour. */
  retryBaseMs?: number;
  /** A claimed message not settled within this long is claimed again (its node died). */
  leaseMs?: number;
  maxAttempts?: number;
  batch?: number;
}

/**
 * The node's mail sender. Services only insert into the outbox (inside or after their
 * writes, never sending themselves); this loop claims due rows (SKIP LOCKED, so several nodes
 * share one outbox without sending anything twice), sends each outside any transaction, and
 * marks it sent, or schedules a retry with exponential backoff. Rows survive restarts.
 */
export function createOutbox(opts: OutboxOptions) {
  const { repo, transport, from, log } = opts;
  const pollMs = opts.pollMs ?? 5000;
  const retryBaseMs = opts.retryBaseMs ?? 30_000;
  const leaseMs = opts.leaseMs ?? 120_000;
  const maxAttempts = opts.maxAttempts ?? 10;
  const batch = opts.batch ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drainOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await repo.claim(batch, leaseMs, maxAttempts);
      for (const row of rows) {
        try {
          await transport.send({ ...row, from });
          await repo.markSent(row.id);
          sent++;
        } catch (err) {
          const delay = Math.min(retryBaseMs * 2 ** (row.attempts - 1), 3_600_000);
          const reason = err instanceof Error ? err.message : String(err);
          log.warn({ mailId: row.id, attempt: row.attempts, retryInMs: delay, err: reason }, "mail not accepted; will retry");
          await repo.markFailed(row.id, reason, new Date(Date.now() + delay)).catch(() => {});
        }
      }
      if (rows.length < batch || stopped) return sent;
    }
  }

  /** Runs a drain now, or once more right after the one in progress. */
  function poke(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainOnce();
        } catch (err) {
          log.warn({ err }, "mail outbox could not be drained");
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      timer = setInterval(() => void poke(), pollMs);
      timer.unref();
      void poke();
    },
    poke,
    drainOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
