/**
 * `npm run bench`: Parley's live path against bare baselines, measured in one run and reported
 * as ratios (timings on small shared machines are noisy; ratios hold). Loopback only, every
 * loop bounded, the whole run cut off after BENCH_MAX_SECONDS. Not part of `npm test`.
 * Usage: npm run bench [-- --quick]; sizes via BENCH_WATCHERS, BENCH_COMMENTS, BENCH_WRITERS…
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { assertProductionBuild, REPO_ROOT, signedUpClient, startDatabase, startNode } from "../test/harness";
import { startBare } from "./bare";
import { machine, readConfig } from "./config";
import { createPost, signUpMembers, watcherTokens } from "./fixtures";
import { measureSockets } from "./live";
import { pidListeningOn } from "./proc";
import { header, NOTES, rows, searchRatios, searchRows, summaryRatios, table, type BenchResults } from "./report";
import { searchBench } from "./search";
import { round } from "./stats";
import { throughput } from "./throughput";

const cfg = readConfig();
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
}
const abort = (why: string, code: number) => {
  console.error(why);
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

  log("starting PostgreSQL, a Parley node and a bare Socket.IO server");
  const db = await startDatabase();
  cleanups.push(() => db.stop());
  const node = await startNode({ databaseUrl: db.url, env: { LOG_LEVEL: "warn" } });
  cleanups.push(() => node.stop());
  const bare = await startBare();
  cleanups.push(() => bare.stop());
  const parleyPid = pidListeningOn(node.port);
  const barePid = pidListeningOn(bare.port) ?? bare.pid;

  log(`fixtures: a post, ${cfg.writers} writers, ${cfg.watchers} watcher accounts`);
  const author = await signedUpClient(node.origin, "author");
  let results: BenchResults | null = null;
  if (!cfg.searchOnly) {
    const writers = await signUpMembers(node.origin, cfg.writers, "writer");
    const postId = await createPost(author, "Fan-out bench");
    const tokens = await watcherTokens(db.url, node.secret, cfg.watchers);

    const live = await measureSockets(cfg, { node, bare, parleyPid, barePid, postId, writer: writers[0], tokens, log });

    log(`write throughput: ${cfg.writers} writers × ${cfg.writesPerWriter}, 2 rounds each`);
    const writes = await throughput({ origin: node.origin, databaseUrl: db.url, author, writers, perWriter: cfg.writesPerWriter, rounds: 2, timeoutMs: 30_000 });
    results = { ...live, throughput: writes };
  }

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

  console.log(`\n${table([...(results ? rows(results) : []), ...searchRows(search)])}\n\n${NOTES.join("\n")}\n`);
  const out = path.resolve(REPO_ROOT, cfg.output);
  const ratios = { ...(results ? summaryRatios(results) : {}), ...searchRatios(search) };
  const strip = (r: object) =>
    JSON.parse(JSON.stringify(r, (k, v) => ((k === "sockets" || k === "times") && Array.isArray(v) ? v.length : v)));
  writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        durationS: round((performance.now() - t0) / 1000),
        machine: m,
        config: cfg,
        ratios,
        results: { ...(results ? strip(results) : {}), search },
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
