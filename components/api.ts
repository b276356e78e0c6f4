import type { Operations } from "@/server/http/operations";
import type { InputOf, OperationKey, OutputOf } from "@/server/http/operation";

/**
 * The browser's door to /api/v1, typed from the server's operation declarations. Every
 * failure becomes an ApiError carrying the contract's code, message and per-field details,
 * so forms can show errors next to their fields. What the reader sees is worded from the code
 * in their language (components/i18n/errors.ts); the message stays the API's English.
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
    /** The server's Retry-After (429, 503), in seconds. */
    readonly retryAfterSeconds?: number,
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

type Key = OperationKey<Operations>;
type OpOf<K extends Key> = Extract<
  Operations,
  { method: K extends `${infer M} ${string}` ? M : never; path: K extends `${string} ${infer P}` ? P : never }
>;
/** The call's input; optional when nothing in it is required. */
type Args<K extends Key> = object extends InputOf<OpOf<K>> ? [input?: InputOf<OpOf<K>>] : [input: InputOf<OpOf<K>>];

/**
 * Calls one declared operation (server/**\/*.operations.ts) by its method and path, e.g.
 * `call("POST /api/v1/posts/{id}/comments", { params: { id }, body: { body } })`: the key,
 * the input and the result are all checked against the declaration.
 */
export async function call<K extends Key>(key: K, ...[input]: Args<K>): Promise<OutputOf<OpOf<K>>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const space = key.indexOf(" ");
  const method = key.slice(0, space);
  let url = key.slice(space + 1).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ""));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) search.set(k, String(v));
  if (search.size) url += `?${search}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body !== undefined ? { "content-type": "application/json" } : undefined,
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "Parley could not be reached");
  }
  if (res.status === 204) return undefined as OutputOf<OpOf<K>>;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new ApiError(
      res.status,
      e?.code ?? (res.status === 502 || res.status === 503 || res.status === 504 ? "UNAVAILABLE" : "INTERNAL"),
      e?.message ?? res.statusText,
      Array.isArray(e?.details) ? e.details : [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return data as OutputOf<OpOf<K>>;
}

/**
 * Whether trying the same request again later may succeed: the network or a dependency was
 * away (no answer, 503 UNAVAILABLE, a proxy's 502/504), not a refusal of the request itself.
 */
export function isTransient(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.code === "NETWORK" || err.code === "UNAVAILABLE");
}

/** A unique id for idempotent creates; falls back where randomUUID needs a secure context. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
