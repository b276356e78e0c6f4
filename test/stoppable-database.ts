import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "../server/db/embedded-postgres";
import { freePort } from "../server/db/free-port";

/**
 * A throwaway PostgreSQL that a fault test can take away and bring back: `pause()` shuts it
 * down (connections refused, sessions terminated), `resume()` starts it again on the same
 * port with the same data; `freeze()` stops every one of its processes (SIGSTOP), so
 * connections hang instead of failing, and `thaw()` lets them go on. Only processes this
 * cluster started are signalled. Never the machine's own PostgreSQL.
 */
export interface StoppableDatabase {
  url: string;
  pause(): Promise<void>;
  resume(): Promise<void>;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/** The postmaster and its children (backends, checkpointer, …), read from /proc. */
function clusterPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export async function startStoppableDatabase(): Promise<StoppableDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "parley-pg-"));
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "parley",
    password,
    // Kept across pause()/resume(); the directory goes at stop().
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (m) => void logs.push(String(m)),
    onError: (m) => void logs.push(String(m)),
  });
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "parley", password, database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE "parley"`);
  await admin.end();

  let frozen: number[] = [];
  let running = true;
  const thaw = () => {
    for (const pid of frozen.splice(0)) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        /* gone */
      }
    }
  };
  return {
    url: `postgresql://parley:${password}@127.0.0.1:${port}/parley`,
    async pause() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async resume() {
      if (running) return;
      try {
        await server.start();
      } catch (err) {
        throw new Error(`PostgreSQL did not start again: ${(err as Error)?.message ?? err}\n${logs.slice(-20).join("")}`);
      }
      running = true;
    },
    freeze() {
      frozen = clusterPids(dir);
      for (const pid of frozen) process.kill(pid, "SIGSTOP");
    },
    thaw,
    async stop() {
      thaw();
      if (running) await server.stop().catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
