import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../test/harness";

export interface BareServer {
  origin: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Node flags for a measured server: a collection on SIGUSR2 (bench/gc-on-signal.mjs). */
export const GC_ARGS = ["--expose-gc", "--import", path.join(REPO_ROOT, "bench/gc-on-signal.mjs")];

/** Starts bare-server.ts in a child node process (tsx as a loader, as Parley runs under tsx). */
export async function startBare({ redisUrl, timeoutMs = 60_000 }: { redisUrl?: string; timeoutMs?: number } = {}): Promise<BareServer> {
  const child = spawn(process.execPath, [...GC_ARGS, "--import", "tsx", path.join(REPO_ROOT, "bench/bare-server.ts")], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, NODE_ENV: "production", ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
  });
  const killNow = () => child.kill("SIGKILL");
  process.once("exit", killNow);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  child.stderr!.on("data", (c: Buffer) => (output = (output + c.toString("utf8")).slice(-4000)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      killNow();
      reject(new Error(`bare Socket.IO server did not start within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.stdout!.on("data", (c: Buffer) => {
      const m = /^BARE_LISTENING (\d+)$/m.exec(c.toString("utf8"));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bare Socket.IO server exited during start (code ${code})\n${output}`));
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
