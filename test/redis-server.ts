import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { freePort } from "./database";

/**
 * A private `redis-server` for one test file: on a free loopback port, nothing kept on disk,
 * stopped and started again by the test itself (an outage on demand). The machine's own
 * Redis on 6379 is never touched. Free of vitest, like the rest of the harness.
 */
export interface PrivateRedis {
  url: string;
  port: number;
  /** Kills the server abruptly (SIGKILL), as a crash or a network cut would look to clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Whether a `redis-server` binary is on the PATH; the reason when not. */
export function redisServerAvailable(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { ok: false, reason: "no redis-server binary on PATH (apt-get install redis-server)" };
  return { ok: true };
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start() {
    const proc = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    running.add(proc);
    proc.once("exit", () => running.delete(proc));
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill("SIGKILL");
        reject(new Error(`redis-server on ${port} did not become ready:\n${output}`));
      }, 10_000);
      proc.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
      proc.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on ${port} exited during start (${code ?? signal}):\n${output}`));
      });
    });
    child = proc;
  }

  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill(signal);
    await exited;
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill: () => kill("SIGKILL"), start, stop: () => kill("SIGTERM") };
}
