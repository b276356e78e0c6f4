import type { BenchConfig } from "./config";
import type { FanOutResult } from "./fanout";
import type { JoinResult } from "./watchers";
import type { ThroughputResult, WarmUp } from "./throughput";
import type { SearchBenchResult } from "./search";
import type { ReadRow } from "./reads";
import type { TwoNodeResult } from "./twonode";
import { ratio, round } from "./stats";

export interface MemoryResult {
  pid: number | null;
  beforeKb: number | null;
  afterKb: number | null;
  sockets: number;
  kbPerSocket: number | null;
  /** JS heap (used + external) after a forced collection, before and after; per socket. */
  heapBeforeKb: number | null;
  heapAfterKb: number | null;
  heapKbPerSocket: number | null;
}

export interface LiveResults {
  fanOut: { parley: FanOutResult; bare: FanOutResult };
  join: { members: JoinResult; guests: JoinResult | null; bare: JoinResult };
  memory: { parley: MemoryResult; bare: MemoryResult };
  held: { target: number; connected: number; failed: number; rssKb: number | null };
}
export interface WriteResults {
  throughput: { parley: ThroughputResult; socket: ThroughputResult; raw: ThroughputResult; warmUps: Record<"raw" | "parley" | "socket", WarmUp> };
}
export type BenchResults = LiveResults & WriteResults;

export type Row = [scenario: string, metric: string, parley: string, baseline: string, ratio: string];

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "n/a");
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "n/a");
const mb = (kb: number | null) => (kb === null ? "n/a" : `${(kb / 1024).toFixed(1)} MB`);
const kb = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(1)} KB`);

type Reading = { rssKb: number | null; heapKb: number | null };

export function memoryResult(pid: number | null, before: Reading, after: Reading, sockets: number): MemoryResult {
  const per = (a: number | null, b: number | null) => (a !== null && b !== null && sockets > 0 ? (b - a) / sockets : null);
  return {
    pid,
    beforeKb: before.rssKb,
    afterKb: after.rssKb,
    sockets,
    kbPerSocket: per(before.rssKb, after.rssKb),
    heapBeforeKb: before.heapKb,
    heapAfterKb: after.heapKb,
    heapKbPerSocket: per(before.heapKb, after.heapKb),
  };
}

/** One compared figure: both values in `fmt`, and Parley ÷ baseline unless a ratio is given. */
function cmp(scenario: string, metric: string, p: number, b: number, fmt: (v: number) => string = ms, r = ratio(p, b)): Row {
  return [scenario, metric, fmt(p), fmt(b), x(r)];
}
const info = (scenario: string, metric: string, p: string, b: string): Row => [scenario, metric, p, b, ""];

/** Reads: requests per second with the ratio Parley ÷ bare (higher is better), then p99 as a cost. */
export function readRows(reads: ReadRow[]): Row[] {
  return reads.flatMap((r, i) => [
    cmp(
      i === 0 ? "0 reads (30 keep-alive conns)".replace("30", String(r.parley.connections)) : "",
      `${r.name}: req/s (Parley ÷ bare)`,
      r.parley.perSecond,
      r.bare.perSecond,
      rate,
      ratio(r.parley.perSecond, r.bare.perSecond),
    ),
    cmp("", `${r.name}: latency p99`, r.parley.latency.p99, r.bare.latency.p99),
    info(
      "",
      `${r.name}: body, errors`,
      `${(r.parley.bytes / 1024).toFixed(1)} KB, ${r.parley.errors}`,
      `${(r.bare.bytes / 1024).toFixed(1)} KB, ${r.bare.errors}`,
    ),
  ]);
}

export function twoNodeRows(t: TwoNodeResult): Row[] {
  const d = (f: FanOutResult) => (f.complete ? `complete ${f.delivered}/${f.expected}` : `${f.delivered}/${f.expected}`);
  return [
    cmp(`1b fan-out over 2 nodes (${t.parley.watchers} watchers)`, "latency p50", t.parley.latency.p50, t.bare.latency.p50),
    cmp("", "latency p99", t.parley.latency.p99, t.bare.latency.p99),
    info("", "delivery", d(t.parley), d(t.bare)),
    info("", "Redis adapter, node → node", "", `${rate(t.adapter.perSecond)} (${t.adapter.received}/${t.adapter.emits})`),
  ];
}

export function readRatios(reads: ReadRow[]) {
  const key = ["postAnonymous", "postSignedIn", "commentsJson", "home", "category"];
  return Object.fromEntries(reads.map((r, i) => [`read_${key[i] ?? i}`, round(ratio(r.parley.perSecond, r.bare.perSecond), 2)]));
}

function joinRows(label: string, p: JoinResult, b: JoinResult): Row[] {
  return [
    cmp(label, "per client p50", p.perClient.p50, b.perClient.p50),
    cmp("", "per client p99", p.perClient.p99, b.perClient.p99),
    cmp("", "wall time (all joined)", p.wallMs, b.wallMs),
    info("", "failed", String(p.failed), String(b.failed)),
  ];
}

export function liveRows(r: LiveResults): Row[] {
  const { parley: fp, bare: fb } = r.fanOut;
  const delivery = (d: FanOutResult) =>
    d.complete ? `complete ${d.delivered}/${d.expected}` : `${d.delivered}/${d.expected}, dup ${d.duplicates}, order ${d.outOfOrder}`;
  const rides = (d: FanOutResult) => {
    const events = Object.values(d.perWatcherPerComment.events).reduce((a, b) => a + b, 0);
    return `${events.toFixed(1)} ev, ${d.perWatcherPerComment.bytes} B`;
  };
  const { parley: memP, bare: memB } = r.memory;
  return [
    cmp("1 comment fan-out", "latency p50", fp.latency.p50, fb.latency.p50),
    cmp("", "latency p99", fp.latency.p99, fb.latency.p99),
    cmp("", "latency max", fp.latency.max, fb.latency.max),
    cmp("", "first watcher p50 (pre-emit)", fp.first.p50, fb.first.p50),
    cmp("", "first → last watcher p50", fp.spread.p50, fb.spread.p50),
    cmp("", "HTTP round trip p50", fp.http.p50, fb.http.p50),
    info("", "delivery", delivery(fp), delivery(fb)),
    info("", "received per watcher/comment", rides(fp), rides(fb)),
    ...joinRows("2 join storm (members)", r.join.members, r.join.bare),
    ...(r.join.guests ? joinRows("2 join storm (guests)", r.join.guests, r.join.bare) : []),
    info("3 memory per socket", "server RSS before", mb(memP.beforeKb), mb(memB.beforeKb)),
    info("", "server RSS after", mb(memP.afterKb), mb(memB.afterKb)),
    cmp("", "per connected watcher", memP.kbPerSocket ?? NaN, memB.kbPerSocket ?? NaN, (v) => kb(Number.isFinite(v) ? v : null)),
    cmp("", "JS heap per connected watcher", memP.heapKbPerSocket ?? NaN, memB.heapKbPerSocket ?? NaN, (v) => kb(Number.isFinite(v) ? v : null)),
    info("", `${r.held.target} sockets held at once`, `${r.held.connected} connected, ${mb(r.held.rssKb)}`, ""),
  ];
}

const rate = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)}/s` : "n/a");

export function writeRows(r: WriteResults): Row[] {
  const { parley: tp, socket: ts, raw: tr } = r.throughput;
  return [
    cmp("4 write throughput", "comments per second", tp.perSecond, tr.perSecond, rate, ratio(tr.perSecond, tp.perSecond)),
    cmp("", "write latency p50", tp.latency.p50, tr.latency.p50),
    cmp("", "write latency p99", tp.latency.p99, tr.latency.p99),
    info("", "writes (errors)", `${tp.writes} (${tp.errors})`, `${tr.writes} (${tr.errors})`),
    info("", "node CPU per write", cpuPerWrite(tp.nodeCpuMsPerWrite), ""),
    info("", "warm-up: writes, node CPU each", warmUp(r.throughput.warmUps.parley), warmUp(r.throughput.warmUps.raw)),
    cmp("5 socket write throughput", "comments per second", ts.perSecond, tr.perSecond, rate, ratio(tr.perSecond, ts.perSecond)),
    cmp("", "write latency p50", ts.latency.p50, tr.latency.p50),
    cmp("", "write latency p99", ts.latency.p99, tr.latency.p99),
    info("", "writes (errors)", `${ts.writes} (${ts.errors})`, `${tr.writes} (${tr.errors})`),
    info("", "node CPU per write", cpuPerWrite(ts.nodeCpuMsPerWrite), ""),
    info("", "warm-up: writes, node CPU each", warmUp(r.throughput.warmUps.socket), warmUp(r.throughput.warmUps.raw)),
  ];
}

const warmUp = (w: WarmUp) => `${w.writes}${w.nodeCpuMsPerWrite === null ? "" : `, ${cpuPerWrite(w.nodeCpuMsPerWrite)}`}`;

const cpuPerWrite = (ms: number | null) => (ms === null ? "n/a" : `${ms.toFixed(2)} ms`);

/** Search: Parley's GET /api/v1/search against the same two statements over plain pg. */
export function searchRows(s: SearchBenchResult): Row[] {
  return [
    cmp(`6 search (${s.posts} posts, ${s.comments} comments)`, "search p50", s.parley.p50, s.sql.p50),
    cmp("", "search p99", s.parley.p99, s.sql.p99),
    info("", "searches (errors)", `${s.searches} (${s.errors})`, `${s.searches}`),
    info("", "corpus insert + index", `${s.indexSeconds.toFixed(1)} s`, ""),
  ];
}

export function searchRatios(s: SearchBenchResult) {
  return { searchP50: round(ratio(s.parley.p50, s.sql.p50), 2), searchP99: round(ratio(s.parley.p99, s.sql.p99), 2) };
}

export function table(all: Row[]): string {
  const header: Row = ["Scenario", "Metric", "Parley", "Baseline", "Ratio"];
  const widths = header.map((_, c) => Math.max(...[header, ...all].map((r) => r[c].length)));
  const line = (r: Row) => r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...all.map(line)].join("\n");
}

export const NOTES = [
  "0: baseline = a bare Next 16 app (bench/bare-next, built by the bench, no auth/i18n/services/cache) on a",
  "   minimal custom server, reading the same rows with plain pg: its post page (post + the same 20 comments),",
  "   home and category lists (20 newest) and a route handler with the same comments JSON. A closed keep-alive",
  "   loop in the bench process; ratio = Parley req/s ÷ bare req/s (higher is better). Signed in = Parley with",
  "   a member's cookie against the same bare page.",
  "1b: two Parley nodes and two bare Socket.IO servers on a private redis-server, each pair through the same",
  "   Redis Streams adapter; watchers split over the two, writes sent to the first. Adapter rate: one bare node",
  "   emits a burst to a room whose one socket is on the other (emits/s received).",
  "Ratio = Parley's cost ÷ the baseline's, measured in this run: 1.00× is no overhead, higher is costlier.",
  "  For write throughput it is baseline writes/s ÷ Parley writes/s.",
  "1: baseline = bare Socket.IO 4.8 (no Next, session, DB) emitting a same-sized comment to one room on an HTTP",
  "   trigger. Latency: just before the HTTP request → each watcher's comment:created, all watchers in one client",
  "   process (its own parsing is in the figure, for both). Comments alternate Parley/bare, each after the watchers",
  "   went quiet. First watcher ≈ the server's work before it emits; first → last = the fan-out itself. The HTTP",
  "   round trip is what the writer saw, after the client had worked through the deliveries.",
  "2: connect → subscribe ack, all watchers started at once; rounds alternate bare / members / guests. Members:",
  "   session decoded and user looked up at the handshake, post read on subscribe; guests skip the session.",
  "   Baseline: connect → ack of a handler that only joins the room.",
  "3: VmRSS of the listening server process, each reading the median of three taken after a forced full GC",
  "   (servers run with --expose-gc; SIGUSR2 collects), before and after the first storm of idle watchers (members",
  "   for Parley), divided by the watchers connected. JS heap: V8's used heap plus external memory after the last of",
  "   those collections (what live objects hold, without the allocator's slack in RSS), the same way. Then Parley",
  "   holds BENCH_HOLD sockets at once (members + guests).",
  "4: baseline = Parley's comment transaction (seq under the post row lock, comment, REPLY notification) sent with",
  "   plain pg from the same number of connections: the ratio is Parley's cost around the transaction (HTTP, Next,",
  "   session, validation, Markdown, Prisma, visibility read, publish). Writers are sequential each, concurrent together.",
  "   Each path (raw, HTTP, socket) is first warmed for BENCH_WRITE_WARMUP_SECONDS, writing flat out: the node's CPU",
  "   per write falls for thousands of writes as V8 optimizes the request path. The warm-up row is that cold figure.",
  "5: the same writers and baseline, each writer sending comment:create over its own signed-in socket and waiting",
  "   for the ack: no HTTP request, routing or per-request session lookup.",
  "6: a generated corpus (filler words, 5% forum English and Chinese), queries cycling through words, a prefix,",
  "   a phrase, a negation, Chinese and mixed. Baseline = the same two statements Parley runs (compile the query, rank",
  "   one page with snippets) sent with plain pg: the ratio is HTTP, Next, session, validation, rate limit, Prisma and",
  "   snippet HTML around the database's work. `npm run bench -- --search-only` runs this scenario alone.",
];

export function header(cfg: BenchConfig, m: Record<string, string | number>): string {
  return [
    `Parley bench — ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}`,
    `search: ${cfg.searchPosts} posts, ${cfg.searchComments} comments, ${cfg.searches} searches each way; ` +
      `N = ${cfg.watchers} watchers, K = ${cfg.comments} comments (+${cfg.warmupComments} warm-up), gap ${cfg.gapMs} ms, ` +
      `writes = ${cfg.writers} writers × ${cfg.writesPerWriter} × 2 rounds after ${cfg.writeWarmupSeconds} s warm-up${cfg.quick ? " (quick)" : ""}`,
  ].join("\n");
}

export function writeRatios(r: WriteResults) {
  return {
    writeThroughput: round(ratio(r.throughput.raw.perSecond, r.throughput.parley.perSecond), 2),
    socketWriteThroughput: round(ratio(r.throughput.raw.perSecond, r.throughput.socket.perSecond), 2),
  };
}

export function summaryRatios(r: LiveResults) {
  const f = r.fanOut;
  return {
    fanOutP50: round(ratio(f.parley.latency.p50, f.bare.latency.p50), 2),
    fanOutP99: round(ratio(f.parley.latency.p99, f.bare.latency.p99), 2),
    joinMembersP50: round(ratio(r.join.members.perClient.p50, r.join.bare.perClient.p50), 2),
    joinMembersP99: round(ratio(r.join.members.perClient.p99, r.join.bare.perClient.p99), 2),
    joinMembersWall: round(ratio(r.join.members.wallMs, r.join.bare.wallMs), 2),
    memoryPerSocket: round(ratio(r.memory.parley.kbPerSocket ?? NaN, r.memory.bare.kbPerSocket ?? NaN), 2),
    heapPerSocket: round(ratio(r.memory.parley.heapKbPerSocket ?? NaN, r.memory.bare.heapKbPerSocket ?? NaN), 2),
  };
}
