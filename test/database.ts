import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "../server/db/embedded-postgres";
import pg from "pg";
import { freePort } from "../server/db/free-port";

export { freePort };

/**
 * Throwaway databases for tests. Deliberately free of server/env.ts (and so of the app's
 * logger and secrets): test runners, global setups and Playwright configs import this.
 */
export interface TestDatabase {
  /** A connection string to an empty database the caller owns. */
  url: string;
  /** Drops the database (or stops the embedded server and deletes its files). */
  stop(): Promise<void>;
}

const randomName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a fresh, empty database on the PostgreSQL server that `serverUrl` points at
 * (its user must be allowed to CREATE DATABASE); `stop()` drops it again.
 */
export async function createDatabaseOn(serverUrl: string, prefix = "parley_test"): Promise<TestDatabase> {
  const name = randomName(prefix);
  const admin = withDatabase(serverUrl, "postgres");
  await runAdmin(admin, `CREATE DATABASE "${name}"`);
  let dropped = false;
  return {
    url: withDatabase(serverUrl, name),
    async stop() {
      if (dropped) return;
      dropped = true;
      await runAdmin(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function runAdmin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A PostgreSQL for a test run. With DATABASE_URL set, a fresh database on that server
 * (dropped afterwards); otherwise an embedded PostgreSQL in a new temp dir (deleted afterwards),
 * so a machine without any database server runs the tests too.
 */
export async function startDatabase(): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return createDatabaseOn(external);
  return startEmbedded();
}

const PREFIX = "parley-pg-";

/** Data dirs of runs that were killed before their teardown: stopped (no postmaster.pid) and an hour old. */
function sweepStaleDirs() {
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (!existsSync(path.join(dir, "postmaster.pid")) && Date.now() - statSync(dir).mtimeMs > 3600_000)
        rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another run's, or already gone */
    }
  }
}

async function startEmbedded(): Promise<TestDatabase> {
  sweepStaleDirs();
  // The temp dir itself is the data dir: the package chowns it to the postgres user when we
  // run as root, and a nested dir would sit under a parent that user cannot enter.
  const dir = mkdtempSync(path.join(os.tmpdir(), PREFIX));
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "parley",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (m) => void logs.push(String(m)),
    onError: (m) => void logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    await server.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${(err as Error)?.message ?? err}\n${logs.slice(-20).join("")}`);
  }
  const serverUrl = `postgresql://parley:${password}@127.0.0.1:${port}/postgres`;
  const db = await createDatabaseOn(serverUrl, "parley");
  let stopped = false;
  return {
    url: db.url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
