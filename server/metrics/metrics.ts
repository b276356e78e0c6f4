import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { RedisStatus } from "../redis/link";

/** What the gauges read at scrape time; each part is attached once it exists. */
export interface MetricSources {
  /** This node's sockets: members and guests. */
  sockets?(): { members: number; guests: number };
  /** This node's rooms by kind (forum, category, post, user, staff). */
  rooms?(): Record<string, number>;
  pool?: { totalCount: number; idleCount: number; waitingCount: number };
  redis?: RedisStatus;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FANOUT = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Parley's Prometheus metrics, one registry per process, labelled with the node
 * (hostname:port) and never with anything about a user. Served at GET /metrics
 * (server/metrics/endpoint.ts); the dashboard in deploy/grafana-dashboard.json reads them.
 */
export function createMetrics(node: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ node });
  // process_* and nodejs_* (CPU, memory, handles, GC, event-loop lag).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  const sources: MetricSources = {};

  const http = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP requests by method, route template (the operation's path for API calls) and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: SECONDS,
    registers,
  });
  new Gauge({
    name: "parley_sockets_connected",
    help: "Sockets connected to this node, by kind (member or guest)",
    labelNames: ["kind"] as const,
    registers,
    collect() {
      const s = sources.sockets?.() ?? { members: 0, guests: 0 };
      this.set({ kind: "member" }, s.members);
      this.set({ kind: "guest" }, s.guests);
    },
  });
  new Gauge({
    name: "parley_rooms",
    help: "Rooms with at least one socket on this node, by kind",
    labelNames: ["kind"] as const,
    registers,
    collect() {
      this.reset();
      for (const [kind, n] of Object.entries(sources.rooms?.() ?? {})) this.set({ kind }, n);
    },
  });
  const events = new Counter({
    name: "parley_events_total",
    help: "Realtime events this node handed to its sockets' rooms, by event",
    labelNames: ["type"] as const,
    registers,
  });
  const fanout = new Histogram({
    name: "parley_fanout_delay_seconds",
    help: "From a comment's commit to its comment:created leaving this node",
    buckets: FANOUT,
    registers,
  });
  const catchup = new Counter({
    name: "parley_catchup_requests_total",
    help: "Catch-up reads: clients listing a post's comments (client), comment lanes reading a gap from the database (lane)",
    labelNames: ["source"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "parley_rate_limited_total",
    help: "Requests and socket events refused by a rate limit, by rule",
    labelNames: ["rule"] as const,
    registers,
  });
  new Gauge({
    name: "parley_db_pool_connections",
    help: "The database pool's connections: total, idle, and requests waiting for one",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const p = sources.pool;
      this.set({ state: "total" }, p?.totalCount ?? 0);
      this.set({ state: "idle" }, p?.idleCount ?? 0);
      this.set({ state: "waiting" }, p?.waitingCount ?? 0);
    },
  });
  const dbErrors = new Counter({
    name: "parley_db_errors_total",
    help: "Database errors: failed queries (query), connections lost (connection), requests answered 503 (unavailable)",
    labelNames: ["kind"] as const,
    registers,
  });
  new Gauge({
    name: "parley_redis_state",
    help: "Redis as this node sees it: 1 for the current state (ok, down, or off when not configured)",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const state = sources.redis?.state() ?? "off";
      for (const s of ["ok", "down", "off"] as const) this.set({ state: s }, s === state ? 1 : 0);
    },
  });
  new Counter({
    name: "parley_redis_outages_total",
    help: "Times Redis became unreachable from this node",
    registers,
    collect() {
      this.reset();
      this.inc(sources.redis?.outages().count ?? 0);
    },
  });
  new Counter({
    name: "parley_redis_down_seconds_total",
    help: "Seconds this node has spent without Redis (the current outage included)",
    registers,
    collect() {
      this.reset();
      this.inc(sources.redis?.outages().seconds ?? 0);
    },
  });

  return {
    registry,
    /** Attaches what the gauges read (io, pool, Redis) once the composition root has built it. */
    watch(more: MetricSources) {
      Object.assign(sources, more);
    },
    /** The node label, once the real port is known. */
    setNode(name: string) {
      registry.setDefaultLabels({ node: name });
    },
    httpRequest(method: string, route: string, status: number, seconds: number) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
    event: (type: string) => events.inc({ type }),
    commentDelivered(createdAt: string) {
      const ms = Date.now() - Date.parse(createdAt);
      if (Number.isFinite(ms)) fanout.observe(Math.max(0, ms) / 1000);
    },
    catchup: (source: "client" | "lane") => catchup.inc({ source }),
    rateLimited: (rule: string) => rateLimited.inc({ rule }),
    dbError: (kind: "query" | "connection" | "unavailable") => dbErrors.inc({ kind }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
