import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** The password clusters initialised before passwords were per data dir were given. */
const LEGACY_PASSWORD = "parley";

/**
 * The superuser password of the cluster in `databaseDir`: random, made once and kept next to
 * it (`<dir>-password`, mode 0600), so no two installs share one and nothing guessable
 * guards it even on loopback (another local user could otherwise connect as superuser).
 */
function clusterPassword(databaseDir: string) {
  const file = `${databaseDir}-password`;
  try {
    return { password: readFileSync(file, "utf8").trim(), fresh: false, keep() {} };
  } catch {
    const password = randomBytes(24).toString("base64url");
    return {
      password,
      fresh: true,
      keep() {
        writeFileSync(file, password, { mode: 0o600 });
        chmodSync(file, 0o600);
      },
    };
  }
}

/**
 * Starts a real PostgreSQL from node_modules with its data in `dir`, kept across restarts,
 * on a free loopback port. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dir: string, database = "parley"): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const port = await freePort();
  const initialised = existsSync(path.join(databaseDir, "PG_VERSION"));
  const { password, fresh, keep } = clusterPassword(databaseDir);
  // A cluster from before per-install passwords still answers to the old one: start with it,
  // then change it to the new one below.
  const legacy = initialised && fresh;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "parley",
    password: legacy ? LEGACY_PASSWORD : password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log.trace({ pg: String(m).trim() }),
    onError: (m) => log.debug({ pg: String(m).trim() }),
  });
  if (!initialised) {
    keep();
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
  const admin = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "parley",
    password: legacy ? LEGACY_PASSWORD : password,
    database: "postgres",
  });
  await admin.connect();
  try {
    if (legacy) {
      await admin.query(`ALTER ROLE parley PASSWORD '${password}'`); // base64url: no quote to escape
      keep();
      log.info("embedded PostgreSQL: the fixed password was replaced by this install's own");
    }
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
