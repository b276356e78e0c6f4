/**
 * The browser's door to /api/v1. Every failure becomes an ApiError carrying the contract's
 * code, message and per-field details, so forms can show errors next to their fields.
 */
export interface ErrorDetail {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The first message for each field, e.g. `{title: "must not be empty"}`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) out[d.field] ??= d.message;
    return out;
  }
}

const FRIENDLY: Record<string, string> = {
  UNAUTHENTICATED: "Please sign in to do that.",
  RATE_LIMITED: "You're going a little fast — wait a few seconds and try again.",
  PAYLOAD_TOO_LARGE: "That's too long to send.",
  INTERNAL: "Something went wrong on our side. Please try again.",
  NETWORK: "Can't reach Parley. Check your connection and try again.",
};

/** A sentence for the person in front of the screen. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (FRIENDLY[err.code]) return FRIENDLY[err.code];
    const m = err.message.trim();
    return m ? m.charAt(0).toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? "" : ".") : "Something went wrong.";
  }
  return FRIENDLY.INTERNAL;
}

export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", FRIENDLY.NETWORK);
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? "INTERNAL", e?.message ?? res.statusText, Array.isArray(e?.details) ? e.details : []);
  }
  return data as T;
}

/** A unique id for idempotent creates; falls back where randomUUID needs a secure context. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
