import http from "node:http";
import { performance } from "node:perf_hooks";
import { summarize, type Summary } from "./stats";

export interface LoadResult {
  url: string;
  connections: number;
  requests: number;
  perSecond: number;
  latency: Summary;
  errors: number;
  /** Response body size of the last good response, bytes (shows both sides serve alike). */
  bytes: number;
}

/**
 * A closed-loop HTTP load: `connections` keep-alive connections, each sending its next GET as
 * soon as the previous response has been read in full, for `durationMs`. What wrk does with
 * 30 connections, in the bench's own process (no extra tool to install).
 */
export async function load(
  url: string,
  opts: { connections: number; durationMs: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const stopAt = started + opts.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(url, { agent, headers: { "accept-encoding": "identity", ...opts.headers } }, (res) => {
        let size = 0;
        res.on("data", (c: Buffer) => (size += c.length));
        res.on("end", () => {
          if (res.statusCode === 200) {
            latencies.push(performance.now() - t0);
            bytes = size;
          } else errors++;
          resolve();
        });
        res.on("error", () => {
          errors++;
          resolve();
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < stopAt) await one();
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  return {
    url,
    connections: opts.connections,
    requests: latencies.length,
    perSecond: (latencies.length / wallMs) * 1000,
    latency: summarize(latencies),
    errors,
    bytes,
  };
}
