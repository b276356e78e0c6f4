import http from "node:http";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SESSION_COOKIE } from "../test/harness";
import { commentBody } from "./fanout";
import { createPost, type Member } from "./fixtures";
import { cpuMs } from "./proc";
import { summarize, type Summary } from "./stats";
import { connectSocket, type TestSocket } from "../test/sockets";

export interface ThroughputResult {
  writers: number;
  writes: number;
  wallMs: number;
  perSecond: number;
  latency: Summary;
  errors: number;
  /** CPU the Parley node spent per write (user + system, all its threads); null for the baseline. */
  nodeCpuMsPerWrite: number | null;
}

/** What warming a write path cost before it was measured. */
export interface WarmUp {
  writes: number;
  seconds: number;
  /** The node's CPU per write over the warm-up: the cold figure (null for the baseline). */
  nodeCpuMsPerWrite: number | null;
}

/**
 * `writers` loops of `perWriter` sequential calls of `write`, all at once, bounded by `timeoutMs`;
 * with `pid`, the CPU that process used meanwhile.
 */
async function drive(writers: number, perWriter: number, timeoutMs: number, write: (w: number, i: number) => Promise<void>, pid: number | null = null) {
  const latencies: number[] = [];
  let errors = 0;
  const stopAt = performance.now() + timeoutMs;
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
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
  const cpuAfter = cpuMs(pid);
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return { writers, latencies, wallMs: performance.now() - started, errors, cpu };
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

/**
 * Parley's write path: each writer posts comments over HTTP to one post, as the composer does
 * (its session cookie, the Origin header, JSON, accepting gzip), on its own keep-alive
 * connection. The client is plain `node:http`, as lean as the reads' load loop: the bench
 * shares the machine's cores with the node, and a heavier client (fetch, a cookie jar)
 * would slow the node it measures.
 */
export function parleyWrites(origin: string, writers: Member[], postId: string, pid: number | null) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: writers.length });
  const url = new URL(`/api/v1/posts/${postId}/comments`, origin);
  let n = 0;
  const post = (writer: Member, body: string) =>
    new Promise<void>((resolve, reject) => {
      const payload = JSON.stringify({ body });
      const req = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            origin,
            cookie: `${SESSION_COOKIE}=${writer.sessionToken}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            "accept-encoding": "gzip",
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 201 ? resolve() : reject(new Error(`comment failed: ${res.statusCode}`))));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  return {
    run: (perWriter: number, timeoutMs: number) =>
      drive(writers.length, perWriter, timeoutMs, (w) => post(writers[w], commentBody(`write ${n++}`)), pid),
    close: () => agent.destroy(),
  };
}

/** Parley's socket write path: each writer sends `comment:create` over its own socket and waits for the ack. */
export async function parleySocketWrites(origin: string, writers: Member[], postId: string, pid: number | null) {
  const sockets: TestSocket[] = await Promise.all(writers.map((w) => connectSocket(origin, w)));
  let n = 0;
  return {
    run: (perWriter: number, timeoutMs: number) =>
      drive(writers.length, perWriter, timeoutMs, async (w) => {
        const ack = await sockets[w].timeout(timeoutMs).emitWithAck("comment:create", { postId, body: commentBody(`socket ${n++}`) });
        if (!ack.ok) throw new Error(ack.error.code);
      }, pid),
    close: () => sockets.forEach((s) => s.close()),
  };
}

/**
 * Write throughput, Parley (over HTTP and over the socket) vs the raw transaction, each on its own fresh post.
 * Each path is first warmed for `warmupMs` (writes as fast as the writers go): a node is a
 * long-running server, and V8 optimizes Next's request path and the service over thousands of
 * requests, so 600 writes straight after start measure mostly the JIT. The warm-up's own figures
 * are kept as the cold ones. Rounds then alternate (raw, Parley, raw, Parley) so a change in the
 * machine's load falls on both.
 */
export async function throughput(opts: {
  origin: string;
  databaseUrl: string;
  author: Member;
  writers: Member[];
  perWriter: number;
  rounds: number;
  timeoutMs: number;
  warmupMs: number;
  /** The Parley node's process, for its CPU per write. */
  pid: number | null;
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
  const parley = parleyWrites(opts.origin, opts.writers, parleyPost, opts.pid);
  const socket = await parleySocketWrites(opts.origin, opts.writers, socketPost, opts.pid);
  try {
    // A warm-up is bounded by time, not count: each writer goes on until it is up.
    const warm = async (path: { run: typeof raw.run }): Promise<WarmUp> => {
      const { writes, wallMs, nodeCpuMsPerWrite } = combine([await path.run(Number.MAX_SAFE_INTEGER, opts.warmupMs)]);
      return { writes, seconds: wallMs / 1000, nodeCpuMsPerWrite };
    };
    const warmUps = { raw: await warm(raw), parley: await warm(parley), socket: await warm(socket) };
    const results = { raw: [] as Round[], parley: [] as Round[], socket: [] as Round[] };
    for (let r = 0; r < opts.rounds; r++) {
      results.raw.push(await raw.run(opts.perWriter, opts.timeoutMs));
      results.parley.push(await parley.run(opts.perWriter, opts.timeoutMs));
      results.socket.push(await socket.run(opts.perWriter, opts.timeoutMs));
    }
    return { raw: combine(results.raw), parley: combine(results.parley), socket: combine(results.socket), warmUps };
  } finally {
    socket.close();
    parley.close();
    await raw.close();
  }
}

function combine(rounds: Round[]): ThroughputResult & { rounds: number } {
  const latencies = rounds.flatMap((r) => r.latencies);
  const wallMs = rounds.reduce((a, r) => a + r.wallMs, 0);
  const cpus = rounds.map((r) => r.cpu);
  const cpu = cpus.every((c) => c !== null) ? cpus.reduce((a: number, c) => a + c!, 0) : null;
  return {
    writers: rounds[0]?.writers ?? 0,
    writes: latencies.length,
    wallMs,
    perSecond: (latencies.length / wallMs) * 1000,
    latency: summarize(latencies),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    nodeCpuMsPerWrite: cpu !== null && latencies.length > 0 ? cpu / latencies.length : null,
    rounds: rounds.length,
  };
}
