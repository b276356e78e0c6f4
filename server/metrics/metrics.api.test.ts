import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, REPO_ROOT, startNode, type RunningNode } from "@/test/harness";
import { metricsInPromQL, parsePrometheus, type Family } from "@/test/prometheus";
import { closeAllSockets, connectSocket, nextEvent, subscribe } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

let text: string;
let families: Map<string, Family>;
let problems: string[];
let postId: string;
let username: string;

/** Some of everything the metrics count, then one scrape of the shared node. */
beforeAll(async () => {
  const member = await server.member("metrics");
  username = member.me.user.username;
  postId = (await member.post("/api/v1/posts", { categorySlug: "general", title: "Measured", body: "x" })).json.post.id;
  const watcher = await connectSocket(server.origin, member);
  await subscribe(watcher, `post:${postId}`);
  const delivered = nextEvent(watcher, "comment:created");
  expect((await member.post(`/api/v1/posts/${postId}/comments`, { body: "counted" })).status).toBe(201);
  await delivered;
  await server.anonymous().get(`/api/v1/posts/${postId}/comments?after=0`);
  await server.anonymous().get(`/p/${postId}`);
  const res = await server.anonymous().get("/metrics");
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  text = res.text;
  ({ families, problems } = parsePrometheus(text));
});

const samples = (name: string) => [...families.values()].flatMap((f) => f.samples.filter((s) => s.name === name));

describe("GET /metrics", () => {
  it("is valid Prometheus text: names, one HELP and TYPE per family, counters *_total, well-formed histograms", () => {
    expect(problems).toEqual([]);
    expect(families.size).toBeGreaterThan(20);
  });

  it("has what the contract lists, each sample labelled with its node", () => {
    for (const name of [
      "http_request_duration_seconds",
      "parley_sockets_connected",
      "parley_rooms",
      "parley_events_total",
      "parley_fanout_delay_seconds",
      "parley_catchup_requests_total",
      "parley_rate_limited_total",
      "parley_db_pool_connections",
      "parley_db_errors_total",
      "parley_redis_state",
      "parley_redis_outages_total",
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_eventloop_lag_p99_seconds",
    ])
      expect(families.has(name), name).toBe(true);
    const { port } = new URL(server.origin);
    for (const f of families.values()) for (const s of f.samples) expect(s.labels.node, s.name).toMatch(new RegExp(`:${port}$`));
  });

  it("labels API requests by the operation's path template and pages by a fixed route, never by a concrete id", () => {
    const routes = new Set(samples("http_request_duration_seconds_count").map((s) => s.labels.route));
    expect(routes).toContain("/api/v1/posts/{id}/comments");
    expect(routes).toContain("/api/v1/posts");
    expect(routes).toContain("/p/[id]");
    const created = samples("http_request_duration_seconds_count").find(
      (s) => s.labels.route === "/api/v1/posts/{id}/comments" && s.labels.method === "POST" && s.labels.status === "201",
    );
    expect(created?.value).toBeGreaterThanOrEqual(1);
    // Nothing about a user or an entity in any label.
    expect(text).not.toContain(postId);
    expect(text).not.toContain(username);
  });

  it("counts live delivery: sockets, rooms, events, fan-out delay and catch-up reads", () => {
    const value = (name: string, labels: Record<string, string>) =>
      samples(name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0;
    expect(value("parley_sockets_connected", { kind: "member" })).toBeGreaterThanOrEqual(1);
    expect(value("parley_rooms", { kind: "post" })).toBeGreaterThanOrEqual(1);
    expect(value("parley_events_total", { type: "comment:created" })).toBeGreaterThanOrEqual(1);
    expect(samples("parley_fanout_delay_seconds_count")[0]?.value).toBeGreaterThanOrEqual(1);
    expect(value("parley_catchup_requests_total", { source: "client" })).toBeGreaterThanOrEqual(1);
    expect(value("parley_redis_state", { state: "off" })).toBe(1);
    expect(value("parley_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
  });

  it("is refused to a request that came through a proxy, even from loopback", async () => {
    const res = await server.anonymous().get("/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("FORBIDDEN");
    expect(res.text).not.toContain("http_request_duration_seconds");
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  const token = "metrics-token-for-the-test-0123456789";
  let node: RunningNode;
  beforeAll(async () => {
    node = await startNode({ databaseUrl: server.databaseUrl, env: { METRICS_TOKEN: token } });
  });
  afterAll(() => node?.stop());

  it("answers only `Authorization: Bearer <token>`, from any address", async () => {
    const anon = createClient(node.origin);
    const none = await anon.get("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect((await anon.get("/metrics", { headers: { authorization: "Bearer not-the-token-at-all-000000" } })).status).toBe(401);
    const ok = await anon.get("/metrics", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.9" } });
    expect(ok.status).toBe(200);
    expect(parsePrometheus(ok.text).problems).toEqual([]);
  });
});

describe("deploy/", () => {
  it("the Grafana dashboard is importable JSON whose panels read only metrics that exist", () => {
    const dashboard = JSON.parse(readFileSync(path.join(REPO_ROOT, "deploy/grafana-dashboard.json"), "utf8"));
    expect(dashboard).toMatchObject({ title: expect.any(String), uid: expect.any(String), schemaVersion: expect.any(Number) });
    const panels = (dashboard.panels as { type: string; title: string; targets?: { expr: string }[] }[]).filter((p) => p.type !== "row");
    const titles = panels.map((p) => p.title.toLowerCase()).join(" | ");
    for (const topic of ["request rate", "latency", "sockets", "fan-out", "errors", "event-loop lag"]) expect(titles).toContain(topic);
    const exposed = new Set<string>();
    for (const f of families.values()) {
      exposed.add(f.name);
      if (f.type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) exposed.add(f.name + suffix);
    }
    for (const p of panels) {
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const { expr } of p.targets!) {
        const names = metricsInPromQL(expr);
        expect(names.length, expr).toBeGreaterThan(0);
        for (const name of names) expect(exposed.has(name), `${p.title}: ${name} in ${expr}`).toBe(true);
      }
    }
  });

  it("the Prometheus example scrapes /metrics", () => {
    const yml = readFileSync(path.join(REPO_ROOT, "deploy/prometheus.yml"), "utf8");
    expect(yml).toMatch(/scrape_configs:/);
    expect(yml).toMatch(/metrics_path: \/metrics/);
  });
});
