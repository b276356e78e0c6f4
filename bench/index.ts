/**
 * `npm run bench`: Parley's live path against bare baselines, measured in one run and reported
 * as ratios (timings on small shared machines are noisy; ratios hold). Loopback only, every
 * loop bounded, the whole run cut off after BENCH_MAX_SECONDS. Not part of `npm test`.
 * Usage: npm run bench [-- --quick]; sizes via BENCH_WATCHERS, BENCH_COMMENTS, BENCH_WRITERS…
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { assertProductionBuild, REPO_ROOT, SESSION_COOKIE, signedUpClient, startDatabase, startNode } from "../test/harness";
import { GC_ARGS, startBare } from "./bare";
import { buildBareNext, startBareNext } from "./bare-next";
import { readBench, readFixture } from "./reads";
import { twoNodeBench } from "./twonode";
import { machine, readConfig } from "./config";
import { createPost, signUpMembers, watcherTokens } from "./fixtures";
import { measureSockets } from "./live";
import { pidListeningOn } from "./proc";
import {
  header,
  liveRows,
  NOTES,
  readRatios,
  readRows,
  type Row,
  searchRatios,
  searchRows,
  summaryRatios,
  table,
  twoNodeRows,
  writeRatios,
  writeRows,
} from "./report";
import { searchBench } from "./search";
import { round } from "./stats";
import { throughput } from "./throughput";

const cfg = readConfig();
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
}
/** The rows measured so far: a scenario that fails later does not lose them. */
const tables: Row[][] = [];
const abort = (why: string, code: number) => {
  console.error(why);
  if (tables.length) console.log(`\nMeasured before the failure:\n${table(tables.flat())}\n`);
  setTimeout(() => process.exit(code), 20_000).unref(); // a cleanup that hangs must not keep us
  void cleanup().finally(() => process.exit(code));
};
process.once("SIGINT", () => abort("interrupted", 130));
process.once("SIGTERM", () => abort("terminated", 143));
const deadline = setTimeout(() => abort(`bench: stopped after BENCH_MAX_SECONDS=${cfg.maxSeconds}`, 2), cfg.maxSeconds * 1000);

const t0 = performance.now();
const log = (msg: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** A load tool talks to this machine only: an external DATABASE_URL must be loopback too. */
function assertLoopbackDatabase(url = process.env.DATABASE_URL) {
  if (url && !["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname))
    throw new Error(
      `DATABASE_URL points at ${new URL(url).hostname}: the bench runs against 127.0.0.1 only (unset it for an embedded PostgreSQL).`,
    );
}

async function main() {
  try {
    assertProductionBuild();
  } catch {
    console.error("No production build in .next: run `npm run build` first (the bench starts Parley in production mode).");
    process.exit(1);
  }
  assertLoopbackDatabase();
  const m = machine();
  console.log(header(cfg, m));

  const has = (scenario: string) => cfg.only.has(scenario);
  // Built before anything is started, so the build's CPU does not fall on a measurement.
  if (has("reads")) buildBareNext(log);

  log("starting PostgreSQL, a Parley node and a bare Socket.IO server");
  const db = await startDatabase();
  cleanups.push(() => db.stop());
  // Measured servers run with --expose-gc and a collection on SIGUSR2 (the memory rows);
  // BENCH_CPU_PROFILE=<dir> also samples the Parley node's CPU (bench/cpu-profile.mjs).
  const profile = cfg.cpuProfileDir ? ["--import", path.join(REPO_ROOT, "bench/cpu-profile.mjs")] : [];
  const node = await startNode({
    databaseUrl: db.url,
    env: { LOG_LEVEL: "warn", NODE_OPTIONS: [...GC_ARGS, ...profile].join(" "), BENCH_CPU_PROFILE: cfg.cpuProfileDir ?? "" },
  });
  cleanups.push(() => node.stop());
  const bare = await startBare();
  cleanups.push(() => bare.stop());
  const parleyPid = pidListeningOn(node.port);
  const barePid = pidListeningOn(bare.port) ?? bare.pid;

  const author = await signedUpClient(node.origin, "author");
  const ratios: Record<string, unknown> = {};
  const results: Record<string, unknown> = {};
  const sockets = has("sockets") || has("twonode");
  if (has("reads") || sockets || has("writes")) {
    log(`fixtures: a post, ${cfg.writers} writers${sockets ? `, ${cfg.watchers} watcher accounts` : ""}`);
    const writers = await signUpMembers(node.origin, cfg.writers, "writer");
    const postId = await createPost(author, "Fan-out bench");
    const tokens = sockets ? await watcherTokens(db.url, node.secret, cfg.watchers) : [];

    if (has("reads")) {
      const bareNext = await startBareNext(db.url);
      cleanups.push(() => bareNext.stop());
      const readPost = await readFixture(author, writers, 20);
      const reads = await readBench(cfg, {
        parley: node.origin,
        bare: bareNext.origin,
        postId: readPost,
        cookie: `${SESSION_COOKIE}=${author.sessionToken}`,
        log,
      });
      await bareNext.stop();
      tables.push(readRows(reads));
      Object.assign(ratios, readRatios(reads));
      results.reads = reads;
    }
    if (has("sockets")) {
      const live = await measureSockets(cfg, { node, bare, parleyPid, barePid, postId, writer: writers[0], tokens, log });
      tables.push(liveRows(live));
      Object.assign(ratios, summaryRatios(live));
      results.live = live;
    }
    if (has("twonode")) {
      const two = await twoNodeBench(cfg, { databaseUrl: db.url, secret: node.secret, postId, writer: writers[0], tokens, log });
      tables.push(twoNodeRows(two));
      Object.assign(ratios, {
        twoNodeFanOutP50: round(two.parley.latency.p50 / two.bare.latency.p50, 2),
        twoNodeFanOutP99: round(two.parley.latency.p99 / two.bare.latency.p99, 2),
        redisAdapterEmitsPerSecond: round(two.adapter.perSecond, 0),
      });
      results.twoNode = two;
    }
    if (has("writes")) {
      log(`write throughput: each path warmed ${cfg.writeWarmupSeconds} s, then ${cfg.writers} writers × ${cfg.writesPerWriter}, 2 rounds each`);
      const writes = await throughput({
        origin: node.origin,
        databaseUrl: db.url,
        author,
        writers,
        perWriter: cfg.writesPerWriter,
        rounds: 2,
        timeoutMs: 30_000,
        warmupMs: cfg.writeWarmupSeconds * 1000,
        pid: parleyPid,
      });
      tables.push(writeRows({ throughput: writes }));
      Object.assign(ratios, writeRatios({ throughput: writes }));
      results.throughput = writes;
    }
  }

  if (has("search")) {
    const search = await searchBench({
      databaseUrl: db.url,
      reader: await signedUpClient(node.origin, "reader"),
      author,
      posts: cfg.searchPosts,
      comments: cfg.searchComments,
      searches: cfg.searches,
      timeoutMs: 120_000,
      log,
    });
    tables.push(searchRows(search));
    Object.assign(ratios, searchRatios(search));
    results.search = search;
  }

  console.log(`\n${table(tables.flat())}\n\n${NOTES.join("\n")}\n`);
  const out = path.resolve(REPO_ROOT, cfg.output);
  const strip = (r: object) =>
    JSON.parse(JSON.stringify(r, (k, v) => ((k === "sockets" || k === "times") && Array.isArray(v) ? v.length : v)));
  writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        durationS: round((performance.now() - t0) / 1000),
        machine: m,
        config: { ...cfg, only: [...cfg.only] },
        ratios,
        results: strip(results),
      },
      null,
      2,
    ) + "\n",
  );
  log(`wrote ${path.relative(process.cwd(), out) || out}`);
}

main()
  .then(async () => {
    clearTimeout(deadline);
    await cleanup();
    process.exit(0);
  })
  .catch((err) => abort(`bench failed: ${err instanceof Error ? err.stack : err}`, 1));
