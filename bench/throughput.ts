import { performance } from "node:perf_hooks";
import pg from "pg";
import { commentBody } from "./fanout";
import { createPost, postComment, type Member } from "./fixtures";
import { summarize, type Summary } from "./stats";
import { connectSocket, type TestSocket } from "../test/sockets";

export interface ThroughputResult {
  writers: number;
  writes: number;
  wallMs: number;
  perSecond: number;
  latency: Summary;
  errors: number;
}

/** `writers` loops of `perWriter` sequential calls of `write`, all at once, bounded by `timeoutMs`. */
async function drive(writers: number, perWriter: number, timeoutMs: number, write: (w: number, i: number) => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  const stopAt = performance.now() + timeoutMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter && performance.now() < stopAt; i++) {
        const t0 = performance.now();
        try {
          await write(w, i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { writers, latencies, wallMs: performance.now() - started, errors };
}

type Round = Awaited<ReturnType<typeof drive>>;

/**
 * The baseline for write throughput: Parley's comment transaction, statement for statement
 * (take the next seq under the post's row lock, insert the comment, insert the author's REPLY
 * notification), sent with plain `pg` from `writers` pooled connections to the same database
 * and one post, so the row lock serializes it exactly as it serializes Parley. What it leaves
 * out is everything else Parley does per comment: HTTP and Next routing, the session check,
 * validation, Markdown rendering, Prisma, the post visibility read, and the publish.
 */
export async function rawTransactions(databaseUrl: string, postId: string, authors: string[], postAuthorId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: authors.length });
  let n = 0;
  const once = async (w: number) => {
    const body = commentBody(`raw ${n++}`);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ lastSeq: number }>(
        `UPDATE "Post" SET "lastSeq" = "lastSeq" + 1, "commentCount" = "commentCount" + 1, "lastActivityAt" = now()
         WHERE id = $1::uuid AND "deletedAt" IS NULL AND NOT locked RETURNING "lastSeq"`,
        [postId],
      );
      const { rows: created } = await client.query<{ id: string }>(
        `INSERT INTO "Comment" (id, "postId", "authorId", seq, body, "bodyHtml") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
        [postId, authors[w], rows[0].lastSeq, body, `<p>${body}</p>\n`],
      );
      await client.query(
        `INSERT INTO "Notification" (id, "userId", "actorId", kind, "postId", "commentId", excerpt)
         VALUES (gen_random_uuid(), $1, $2, 'REPLY', $3, $4, $5)`,
        [postAuthorId, authors[w], postId, created[0].id, body.slice(0, 140)],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    run: (perWriter: number, timeoutMs: number) => drive(authors.length, perWriter, timeoutMs, (w) => once(w)),
    close: () => pool.end(),
  };
}

/** Parley's write path: each writer posts comments over HTTP to one post, as the composer does. */
export function parleyWrites(writers: Member[], postId: string) {
  let n = 0;
  return {
    run: (perWriter: number, timeoutMs: number) =>
      drive(writers.length, perWriter, timeoutMs, (w) => postComment(writers[w], postId, { body: commentBody(`write ${n++}`) })),
  };
}

/** Parley's socket write path: each writer sends `comment:create` over its own socket and waits for the ack. */
export async function parleySocketWrites(origin: string, writers: Member[], postId: string) {
  const sockets: TestSocket[] = await Promise.all(writers.map((w) => connectSocket(origin, w)));
  let n = 0;
  return {
    run: (perWriter: number, timeoutMs: number) =>
      drive(writers.length, perWriter, timeoutMs, async (w) => {
        const ack = await sockets[w].timeout(timeoutMs).emitWithAck("comment:create", { postId, body: commentBody(`socket ${n++}`) });
        if (!ack.ok) throw new Error(ack.error.code);
      }),
    close: () => sockets.forEach((s) => s.close()),
  };
}

/**
 * Write throughput, Parley (over HTTP and over the socket) vs the raw transaction, each on its own fresh post. Rounds alternate
 * (raw, Parley, raw, Parley) so a change in the machine's load falls on both.
 */
export async function throughput(opts: {
  origin: string;
  databaseUrl: string;
  author: Member;
  writers: Member[];
  perWriter: number;
  rounds: number;
  timeoutMs: number;
}) {
  const parleyPost = await createPost(opts.author, "Write throughput (Parley)");
  const socketPost = await createPost(opts.author, "Write throughput (Parley, socket)");
  const rawPost = await createPost(opts.author, "Write throughput (raw SQL)");
  const raw = await rawTransactions(
    opts.databaseUrl,
    rawPost,
    opts.writers.map((w) => w.me.user.id),
    opts.author.me.user.id,
  );
  const parley = parleyWrites(opts.writers, parleyPost);
  const socket = await parleySocketWrites(opts.origin, opts.writers, socketPost);
  try {
    await raw.run(2, opts.timeoutMs);
    await parley.run(2, opts.timeoutMs);
    await socket.run(2, opts.timeoutMs);
    const results = { raw: [] as Round[], parley: [] as Round[], socket: [] as Round[] };
    for (let r = 0; r < opts.rounds; r++) {
      results.raw.push(await raw.run(opts.perWriter, opts.timeoutMs));
      results.parley.push(await parley.run(opts.perWriter, opts.timeoutMs));
      results.socket.push(await socket.run(opts.perWriter, opts.timeoutMs));
    }
    return { raw: combine(results.raw), parley: combine(results.parley), socket: combine(results.socket) };
  } finally {
    socket.close();
    await raw.close();
  }
}

function combine(rounds: Round[]): ThroughputResult & { rounds: number } {
  const latencies = rounds.flatMap((r) => r.latencies);
  const wallMs = rounds.reduce((a, r) => a + r.wallMs, 0);
  return {
    writers: rounds[0]?.writers ?? 0,
    writes: latencies.length,
    wallMs,
    perSecond: (latencies.length / wallMs) * 1000,
    latency: summarize(latencies),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    rounds: rounds.length,
  };
}
