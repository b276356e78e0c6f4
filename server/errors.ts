/**
 * Domain errors carry a contract error code. Each edge (HTTP wrapper, socket ack) maps them
 * once. Next bundles its own copy of this module for route handlers, so recognition goes by a
 * global brand rather than `instanceof`.
 */
export type ErrorCode =
  | "BAD_JSON"
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "INTERNAL"
  | "UNAVAILABLE"
  | "INVALID_TOKEN";

export const STATUS: Record<ErrorCode, number> = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  INVALID_TOKEN: 400,
};

export interface ErrorDetail {
  field: string;
  message: string;
}

const BRAND = Symbol.for("parley.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(err: unknown): err is AppError {
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}

export const notFound = (what = "resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "you are not allowed to do that") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "sign in first");
export const conflict = (message: string, details?: ErrorDetail[]) => new AppError("CONFLICT", message, details);
export const validation = (details: ErrorDetail[]) =>
  new AppError("VALIDATION_FAILED", details.map((d) => `${d.field}: ${d.message}`).join("; "), details);
