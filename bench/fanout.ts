import { performance } from "node:perf_hooks";
import { sleep, summarize, type Summary } from "./stats";
import type { Watcher } from "./watchers";

/** A server under test for the fan-out: its watchers and how to make it emit one comment. */
export interface FanOutTarget {
  name: string;
  sockets: Watcher[];
  /** Makes the server publish a comment with this clientId and body; resolves on the HTTP response. */
  send(comment: { clientId: string; body: string }): Promise<void>;
}

export interface FanOutResult {
  watchers: number;
  comments: number;
  /** From just before the HTTP request to each watcher's `comment:created`, ms. */
  latency: Summary;
  /** Per comment: latency of the first watcher served (the server's cost before the emit), ms. */
  first: Summary;
  /** Per comment: last watcher's latency minus the first's (the fan-out itself), ms. */
  spread: Summary;
  /** The HTTP round trip of the request that caused the comment, ms. */
  http: Summary;
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  complete: boolean;
  /** What a sample of watchers received per comment, over all events (not only comment:created). */
  perWatcherPerComment: { events: Record<string, number>; bytes: number };
}

const QUIET_MS = 30;
const FILLER = "The quick brown fox jumps over the lazy dog while the forum keeps talking. ";
/** A comment of about 300 characters, the size of a typical forum reply. */
export const commentBody = (tag: string) => `${tag}: ${FILLER.repeat(4)}`.slice(0, 300).trim();

interface Pending {
  t0: number;
  measured: boolean;
  seen: Uint8Array;
  left: number;
  /** Latency of the first and the last watcher to get it. */
  first: number;
  last: number;
  done: () => void;
}

interface Tracker {
  target: FanOutTarget;
  latencies: number[];
  http: number[];
  lastSeq: Int32Array;
  pending: Map<string, Pending>;
  duplicates: number;
  outOfOrder: number;
  sampled: { events: Record<string, number>; bytes: number; detach: () => void };
}

function track(target: FanOutTarget, sampleSize: number): Tracker {
  const t: Tracker = {
    target,
    latencies: [],
    http: [],
    lastSeq: new Int32Array(target.sockets.length),
    pending: new Map(),
    duplicates: 0,
    outOfOrder: 0,
    sampled: { events: {}, bytes: 0, detach: () => {} },
  };
  target.sockets.forEach((socket, i) => {
    socket.on("comment:created", (p: { comment: { clientId: string | null; seq: number } }) => {
      const at = performance.now();
      const { clientId, seq } = p.comment;
      if (seq <= t.lastSeq[i]) t.outOfOrder++;
      t.lastSeq[i] = Math.max(t.lastSeq[i], seq);
      const entry = clientId ? t.pending.get(clientId) : undefined;
      if (!entry) return;
      if (entry.seen[i]) return void t.duplicates++;
      entry.seen[i] = 1;
      if (entry.measured) t.latencies.push(at - entry.t0);
      entry.first = Math.min(entry.first, at - entry.t0);
      entry.last = Math.max(entry.last, at - entry.t0);
      if (--entry.left === 0) entry.done();
    });
  });
  // Every event a few watchers receive, with its JSON size: shows what rides along with a comment.
  const sample = target.sockets.slice(0, sampleSize);
  const count = (event: string, ...args: unknown[]) => {
    t.sampled.events[event] = (t.sampled.events[event] ?? 0) + 1;
    t.sampled.bytes += JSON.stringify(args).length;
  };
  for (const s of sample) s.onAny(count);
  t.sampled.detach = () => sample.forEach((s) => s.offAny(count));
  return t;
}

async function sendOne(t: Tracker, clientId: string, body: string, measured: boolean, timeoutMs: number) {
  const n = t.target.sockets.length;
  let done!: () => void;
  const delivered = new Promise<void>((r) => (done = r));
  const t0 = performance.now();
  t.pending.set(clientId, { t0, measured, seen: new Uint8Array(n), left: n, first: Infinity, last: 0, done });
  if (n === 0) done();
  await t.target.send({ clientId, body });
  if (measured) t.http.push(performance.now() - t0);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([delivered, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
}

/**
 * Resolves once no watcher has received anything for `quietMs` (at most `maxMs`): Parley
 * sends more than the comment (a post refresh follows it), and the next measurement must
 * not queue behind that traffic, Parley's or the other target's.
 */
function quietWatch(sockets: Watcher[]) {
  let last = performance.now();
  const touch = () => void (last = performance.now());
  for (const s of sockets) s.onAny(touch);
  return {
    async settle(quietMs: number, maxMs: number) {
      const until = performance.now() + maxMs;
      for (let idle = performance.now() - last; idle < quietMs && performance.now() < until; idle = performance.now() - last)
        await sleep(quietMs - idle);
    },
    detach: () => sockets.forEach((s) => s.offAny(touch)),
  };
}

/**
 * Sends `comments` comments to each target, interleaved (A1 B1 A2 B2 …) so drift in the
 * machine's load hits both alike. Each comment waits for every watcher (or the timeout),
 * then for the watchers to go quiet, then `gapMs`, before the next.
 */
export async function fanOut(
  targets: FanOutTarget[],
  opts: { comments: number; warmup: number; gapMs: number; timeoutMs: number; runTag: string },
): Promise<Record<string, FanOutResult>> {
  const trackers = targets.map((target) => track(target, Math.min(10, target.sockets.length)));
  const activity = quietWatch(targets.flatMap((t) => t.sockets));
  const round = async (name: (k: number) => string, k: number, measured: boolean) => {
    for (const t of trackers) {
      await sendOne(t, name(k), commentBody(name(k)), measured, opts.timeoutMs);
      await activity.settle(QUIET_MS, 2000);
      await sleep(opts.gapMs);
    }
  };
  for (let k = 0; k < opts.warmup; k++) await round((i) => `${opts.runTag}-warm-${i}`, k, false);
  for (const t of trackers) Object.assign(t.sampled, { events: {}, bytes: 0 });
  for (let k = 0; k < opts.comments; k++) await round((i) => `${opts.runTag}-c-${i}`, k, true);
  await sleep(200); // late or duplicate deliveries
  activity.detach();
  const out: Record<string, FanOutResult> = {};
  for (const t of trackers) {
    t.sampled.detach();
    const n = t.target.sockets.length;
    const sampleSize = Math.max(1, Math.min(10, n)) * opts.comments;
    const expected = n * opts.comments;
    const delivered = t.latencies.length;
    const measured = [...t.pending.values()].filter((p) => p.measured && p.first !== Infinity);
    out[t.target.name] = {
      watchers: n,
      comments: opts.comments,
      latency: summarize(t.latencies),
      first: summarize(measured.map((p) => p.first)),
      spread: summarize(measured.map((p) => p.last - p.first)),
      http: summarize(t.http),
      expected,
      delivered,
      missing: expected - delivered,
      duplicates: t.duplicates,
      outOfOrder: t.outOfOrder,
      complete: delivered === expected && t.duplicates === 0 && t.outOfOrder === 0,
      perWatcherPerComment: {
        events: Object.fromEntries(Object.entries(t.sampled.events).map(([e, c]) => [e, Math.round((c / sampleSize) * 100) / 100])),
        bytes: Math.round(t.sampled.bytes / sampleSize),
      },
    };
  }
  return out;
}
