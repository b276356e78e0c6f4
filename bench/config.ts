import path from "node:path";
import os from "node:os";
import { z } from "zod";

/**
 * What one bench run does. Sizes come from BENCH_* env vars (a standalone tool, so it reads
 * process.env itself rather than the app's env.ts, which wants a secret and a database);
 * `--quick` shrinks every default for a smoke run.
 */
const count = (fallback: number, quickFallback: number, quick: boolean) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(20_000)
    .default(quick ? quickFallback : fallback);

const big = (fallback: number, quickFallback: number, quick: boolean) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(quick ? quickFallback : fallback);

export function readConfig(argv = process.argv.slice(2), source: NodeJS.ProcessEnv = process.env) {
  const quick = argv.includes("--quick") || source.BENCH_QUICK === "1";
  /** `--search-only`: only the search scenario (no sockets, no write throughput). */
  const searchOnly = argv.includes("--search-only");
  /** `--only=reads,sockets,twonode,writes,search`: just those scenarios (default: all). */
  const onlyArg = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const only = new Set(searchOnly ? ["search"] : (onlyArg?.split(",") ?? ["reads", "sockets", "twonode", "writes", "search"]));
  const schema = z.object({
    BENCH_WATCHERS: count(5000, 100, quick),
    /** Sockets Parley holds at once at the end of the memory scenario (members + guests). */
    BENCH_HOLD: count(10_000, 200, quick),
    /** Read rows: keep-alive connections and seconds per measured side. */
    BENCH_CONNECTIONS: count(30, 30, quick),
    BENCH_READ_SECONDS: count(8, 2, quick),
    BENCH_COMMENTS: count(50, 10, quick),
    BENCH_GAP_MS: z.coerce.number().int().min(0).max(5000).default(20),
    BENCH_WRITERS: count(10, 4, quick),
    BENCH_WRITES_PER_WRITER: count(30, 10, quick),
    /** Seconds each write path is warmed before it is measured (bench/throughput.ts). */
    BENCH_WRITE_WARMUP_SECONDS: count(10, 2, quick),
    /** Search: a generated corpus of posts and comments, and how many searches each way. */
    BENCH_SEARCH_POSTS: big(10_000, 1_000, quick),
    BENCH_SEARCH_COMMENTS: big(100_000, 10_000, quick),
    BENCH_SEARCHES: count(140, 35, quick),
    /** The whole run is cut off after this long, whatever it is doing. */
    BENCH_MAX_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(3600)
      .default(quick ? 480 : 1800),
    BENCH_OUTPUT: z.string().default("bench-results.json"),
    /** A directory: the Parley node's CPU profile is written there (bench/cpu-profile.mjs). */
    BENCH_CPU_PROFILE: z.string().optional(),
  });
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid bench settings:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    quick,
    searchOnly,
    only,
    watchers: e.BENCH_WATCHERS,
    holdSockets: e.BENCH_HOLD,
    connections: e.BENCH_CONNECTIONS,
    readSeconds: e.BENCH_READ_SECONDS,
    comments: e.BENCH_COMMENTS,
    gapMs: e.BENCH_GAP_MS,
    writers: e.BENCH_WRITERS,
    writesPerWriter: e.BENCH_WRITES_PER_WRITER,
    writeWarmupSeconds: e.BENCH_WRITE_WARMUP_SECONDS,
    maxSeconds: e.BENCH_MAX_SECONDS,
    cpuProfileDir: e.BENCH_CPU_PROFILE ? path.resolve(e.BENCH_CPU_PROFILE) : undefined,
    searchPosts: e.BENCH_SEARCH_POSTS,
    searchComments: e.BENCH_SEARCH_COMMENTS,
    searches: e.BENCH_SEARCHES,
    output: e.BENCH_OUTPUT,
    /** Time bounds for the loops: a join storm, one comment's delivery to every watcher. */
    joinTimeoutMs: 60_000,
    deliveryTimeoutMs: 10_000,
    /** Comments sent before measuring, so route modules are loaded and the JIT is warm. */
    warmupComments: 3,
  };
}

export type BenchConfig = ReturnType<typeof readConfig>;

export function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
