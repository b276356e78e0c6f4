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

export interface DbHooks {
  /** A query failed (counted by the metrics); it still throws to the caller. */
  onQueryError?(): void;
  /**
   * A write to User rows went through this client: the member's id when the write named one,
   * else undefined (any member may have changed). Called once the statement has run.
   */
  onUserWrite?(id: string | undefined): void;
}

/** The member a write's `where` names by id, if it names exactly one. */
function userIdOf(args: unknown): string | undefined {
  const id = (args as { where?: { id?: unknown } } | undefined)?.where?.id;
  return typeof id === "string" ? id : undefined;
}

export function createDb(source: string | pg.Pool, max = 10, { onQueryError, onUserWrite }: DbHooks = {}): Db {
  const pool = typeof source === "string" ? createPool(source, { max }) : source;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = onQueryError ? new PrismaClient({ adapter, log: [{ emit: "event", level: "error" }] }) : new PrismaClient({ adapter });
  // Failed queries as events (counted by the metrics); they still throw to the caller.
  if (onQueryError) (db as PrismaClient<"error">).$on("error", () => onQueryError());
  if (!onUserWrite) return db as unknown as Db;
  // Writes to members' rows, in or out of a transaction, whatever repository made them (reads
  // pass through untouched).
  const written = async ({ args, query }: { args: unknown; query: (args: never) => Promise<unknown> }) => {
    const result = await query(args as never);
    onUserWrite(userIdOf(args));
    return result;
  };
  return db.$extends({
    query: {
      user: { update: written, updateMany: written, updateManyAndReturn: written, upsert: written, delete: written, deleteMany: written },
    },
  }) as unknown as Db;
}
