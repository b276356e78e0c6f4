import { AppError, isAppError, STATUS, type ErrorDetail } from "../errors";

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(data);
  return new Response(body, { status, headers: sentAsIsWhenSmall(body, { "content-type": "application/json; charset=utf-8", ...headers }) });
}

/** Below this many bytes an answer is not worth compressing. */
const GZIP_MIN_BYTES = 2048;

/**
 * Next gzips every compressible answer a route handler streams (it cannot see their length):
 * for a comment's 1 KB reply that is a zlib stream set up and torn down, about 0.35 ms of CPU,
 * to save a few hundred bytes. `Cache-Control: no-transform` is what its compression leaves
 * alone, so small answers carry it; larger ones are still gzipped.
 */
export function sentAsIsWhenSmall(body: string, headers: Record<string, string>): Record<string, string> {
  if (Buffer.byteLength(body) >= GZIP_MIN_BYTES) return headers;
  const cacheControl = headers["cache-control"];
  return { ...headers, "cache-control": cacheControl ? `${cacheControl}, no-transform` : "no-transform" };
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** The contract's one error shape. Internals never reach the client. */
export function errorResponse(err: AppError, requestId: string): Response {
  const body: { error: { code: string; message: string; details?: ErrorDetail[]; requestId: string } } = {
    error: { code: err.code, message: err.message, requestId },
  };
  if (err.details?.length) body.error.details = err.details;
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
  // A body refused part-way is left unread on the socket, and the connection would stall;
  // closing it lets keep-alive clients retry on a fresh one (see readJson).
  if ((err as { unreadBody?: boolean }).unreadBody) headers.connection = "close";
  return json(body, STATUS[err.code], headers);
}

export function toAppError(err: unknown): AppError | null {
  return isAppError(err) ? err : null;
}

export const internalError = () => new AppError("INTERNAL", "something went wrong on our side; the request id helps us find it");
