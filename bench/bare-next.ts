import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../test/harness";

const DIR = path.join(REPO_ROOT, "bench/bare-next");
const STAMP = path.join(DIR, ".next", "BENCH_SOURCE");

export interface BareNext {
  origin: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** A hash of the bare app's sources and the Next version: the build is redone when it changes. */
function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === ".next" || name === "next-env.d.ts") continue;
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else h.update(file).update(readFileSync(file));
    }
  };
  walk(DIR);
  h.update(JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules/next/package.json"), "utf8")).version);
  return h.digest("hex");
}

/** `next build` of bench/bare-next into its own .next, unless that build is of these sources. */
export function buildBareNext(log: (msg: string) => void): void {
  const hash = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  log("building the bare Next app (bench/bare-next), once per change of its sources");
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), "build", DIR], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`building bench/bare-next failed:\n${(r.stdout ?? "") + (r.stderr ?? "")}`.slice(-4000));
  writeFileSync(STAMP, hash);
}

/** Starts the bare app's custom server (node with tsx as a loader, as Parley runs) on a free port. */
export async function startBareNext(databaseUrl: string, nodeArgs: string[] = [], timeoutMs = 60_000): Promise<BareNext> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(DIR, "server.ts")], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, NODE_ENV: "production", BARE_DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const killNow = () => child.kill("SIGKILL");
  process.once("exit", killNow);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  child.stderr!.on("data", (c: Buffer) => (output = (output + c.toString("utf8")).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      killNow();
      reject(new Error(`the bare Next app did not start within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.stdout!.on("data", (c: Buffer) => {
      const m = /^BARE_NEXT_LISTENING (\d+)$/m.exec(c.toString("utf8"));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare Next app exited during start (code ${code})\n${output}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const force = setTimeout(killNow, 5000);
      await exited;
      clearTimeout(force);
      process.off("exit", killNow);
    },
  };
}
