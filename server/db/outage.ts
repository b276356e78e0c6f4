import { AppError } from "../errors";

/**
 * Whether an error means the database could not be reached or did not answer in time, as
 * opposed to a query that failed. Recognised by shape, so this module stays free of the
 * Prisma client (services and edges may import it): Prisma's connection codes, the pg
 * driver adapter's error kinds and PostgreSQL's shutdown/connection SQLSTATEs, and the pg
 * pool's own timeout and termination errors.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// admin/crash shutdown, cannot connect now, too many connections, statement timeout, connection exceptions (08…)
const SQLSTATES = /^(57P01|57P02|57P03|53300|57014|08\w{3})$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|Can't reach database server|Server has closed the connection/i;

type Shape = {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 4) return false;
  const e = err as Shape;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && SQLSTATES.test(e.originalCode)) return true;
  if (typeof e.meta?.code === "string" && SQLSTATES.test(e.meta.code)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before trying again (the contract's Retry-After). */
export const UNAVAILABLE_RETRY_AFTER_S = 2;

/** The contract's 503 for a request that could not reach the database, or null for any other error. */
export function asUnavailable(err: unknown): AppError | null {
  return isDatabaseUnavailable(err)
    ? new AppError("UNAVAILABLE", "the database is unreachable right now; try again shortly", undefined, UNAVAILABLE_RETRY_AFTER_S)
    : null;
}
