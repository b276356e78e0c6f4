import { AppError, isAppError, STATUS, type ErrorDetail } from "../errors";

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
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
