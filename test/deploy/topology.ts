import { randomBytes } from "node:crypto";
import https from "node:https";
import { freePort, startDatabase, startNode, type RunningNode, type TestDatabase } from "../harness";
import { until } from "../live-reader";
import { startPrivateRedis, type PrivateRedis } from "../redis-server";
import { startProxy, type RunningProxy } from "./nginx";

/**
 * Parley as the README's "Deploying" section runs it, on one machine: PostgreSQL, Redis, two
 * production nodes (NEXTAUTH_URL=https://…, TRUST_PROXY=1) started at the same moment against
 * the empty database, and nginx from deploy/nginx.conf terminating TLS in front of them.
 */
export interface Topology {
  proxy: RunningProxy;
  nodes: [RunningNode, RunningNode];
  database: TestDatabase;
  redis: PrivateRedis;
  stop(): Promise<void>;
}

/** Rate limits at 10× (registrations: 50 an hour per address), low enough to exhaust in a test. */
export const RATE_LIMIT_SCALE = 10;

export async function startTopology(opts: { dir: string; certificate: string; key: string }): Promise<Topology> {
  const [redis, database, httpsPort, httpPort] = await Promise.all([startPrivateRedis(), startDatabase(), freePort(), freePort()]);
  const env = {
    REDIS_URL: redis.url,
    NEXTAUTH_URL: `https://127.0.0.1:${httpsPort}`,
    TRUST_PROXY: "1",
    RATE_LIMIT_SCALE: String(RATE_LIMIT_SCALE),
  };
  const secret = randomBytes(32).toString("base64url");
  const started = await Promise.allSettled([
    startNode({ databaseUrl: database.url, secret, env }),
    startNode({ databaseUrl: database.url, secret, env }),
  ]);
  const up = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stopAll = async (proxy?: RunningProxy) => {
    await proxy?.stop();
    await Promise.all(up.map((n) => n.stop()));
    await redis.stop();
    await database.stop();
  };
  if (up.length < 2) {
    await stopAll();
    throw (started.find((s) => s.status === "rejected") as PromiseRejectedResult).reason;
  }
  const nodes = up as [RunningNode, RunningNode];
  let proxy: RunningProxy;
  try {
    proxy = await startProxy({ ...opts, httpsPort, httpPort, nodePorts: [nodes[0].port, nodes[1].port] });
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { proxy, nodes, database, redis, stop: () => stopAll(proxy) };
}

/** A node's own /metrics (direct, loopback: Prometheus' view, never through nginx). */
export async function metricsOf(node: RunningNode): Promise<string> {
  const res = await fetch(`${node.origin}/metrics`);
  if (res.status !== 200) throw new Error(`${node.origin}/metrics answered ${res.status}`);
  return res.text();
}

/** The sum of a metric's samples whose labels include all of `labels`. */
export function sampleSum(text: string, metric: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== metric) continue;
    const have = m[2] ?? "";
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}

/** Sockets connected to each node, of one kind. */
export async function socketsOn(nodes: RunningNode[], kind: "member" | "guest"): Promise<number[]> {
  return Promise.all(nodes.map(async (n) => sampleSum(await metricsOf(n), "parley_sockets_connected", { kind })));
}

const healthServed = (nodes: RunningNode[]) =>
  Promise.all(nodes.map(async (n) => sampleSum(await metricsOf(n), "http_request_duration_seconds_count", { route: "/api/health" })));

/**
 * Which node nginx sends a client to: one GET /api/health through the proxy (with the
 * `parley_node` stickiness cookie, or none), then each node's own request count says who
 * answered it. Call while nothing else asks for /api/health.
 */
export async function servedBy(proxyOrigin: string, nodes: RunningNode[], stickyCookie?: string): Promise<number> {
  const before = await healthServed(nodes);
  const res = await fetch(`${proxyOrigin}/api/health`, { headers: stickyCookie ? { cookie: `parley_node=${stickyCookie}` } : {} });
  if (res.status !== 200) throw new Error(`health through the proxy answered ${res.status}`);
  let after = before;
  await until(async () => {
    after = await healthServed(nodes);
    return after.some((n, i) => n > before[i]);
  }, "a node to count the health request");
  return after.findIndex((n, i) => n > before[i]);
}

/** A `parley_node` cookie value that nginx's consistent hash sends to node `index`. */
export async function stickyCookieFor(proxyOrigin: string, nodes: RunningNode[], index: number): Promise<string> {
  for (let i = 0; i < 64; i++) {
    const value = `pin-${index}-${i}`;
    if ((await servedBy(proxyOrigin, nodes, value)) === index) return value;
  }
  throw new Error(`no parley_node value among 64 reaches node ${index}: is the proxy hashing on the cookie?`);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTPS request from a chosen loopback source address (127.0.0.0/8 is all this machine's),
 * so the proxy sees distinct clients while nginx itself always reaches the nodes from 127.0.0.1.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.once("error", reject);
    req.end(opts.body);
  });
}
