import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "./generated/client";

export interface PoolOptions {
  max?: number;
  /** How long a request waits for a connection before it fails (the database is away or saturated). */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer; the client gives up a little later if no answer comes at all. */
  statementTimeoutMs?: number;
  /** An idle connection failed (the server went away): counted, never fatal. */
  onError?(err: Error): void;
}

/**
 * The pg pool under Prisma. Without timeouts a request waits as long as the database is
 * away (a refused connection fails at once, a frozen server never answers): with them it
 * fails within a bounded time, and the HTTP edge answers 503 UNAVAILABLE (server/db/outage.ts).
 */
export function createPool(url: string, { max = 10, connectTimeoutMs = 3000, statementTimeoutMs = 10_000, onError }: PoolOptions = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (err) => onError?.(err));
  return pool;
}

export function createDb(source: string | pg.Pool, max = 10, { onQueryError }: { onQueryError?(): void } = {}): Db {
  const pool = typeof source === "string" ? createPool(source, { max }) : source;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  if (!onQueryError) return new PrismaClient({ adapter });
  // Failed queries as events (counted by the metrics); they still throw to the caller.
  const db = new PrismaClient({ adapter, log: [{ emit: "event", level: "error" }] });
  db.$on("error", () => onQueryError());
  return db as unknown as Db;
}
