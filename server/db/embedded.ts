import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "./embedded-postgres";
import pg from "pg";
import { childLogger } from "../logger";
import { freePort } from "./free-port";

const log = childLogger("db");

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from node_modules with its data in `dir`, kept across restarts,
 * on a free loopback port. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dir: string, database = "parley"): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const port = await freePort();
  const password = "parley";
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "parley",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log.trace({ pg: String(m).trim() }),
    onError: (m) => log.debug({ pg: String(m).trim() }),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log.info({ databaseDir }, "initialising embedded PostgreSQL");
    await server.initialise();
  }
  await server.start();
  // If this process dies without stopping the cluster (a crash), stop it on the way out so
  // the next start does not find the data directory held by an orphan. Synchronous: "exit"
  // runs no more async work.
  const orphanGuard = () => {
    try {
      const pid = Number(readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGINT");
    } catch {
      /* already stopped */
    }
  };
  process.once("exit", orphanGuard);
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "parley", password, database: "postgres" });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  log.info({ port }, "embedded PostgreSQL ready");
  let stopped = false;
  return {
    url: `postgresql://parley:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", orphanGuard);
      await server.stop();
      log.info("embedded PostgreSQL stopped");
    },
  };
}
