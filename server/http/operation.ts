import type { z } from "zod";
import type { ErrorCode } from "../errors";
import type { Viewer } from "../dto";
import type { Services } from "../services";
import type { LimitName } from "./rate-limit";

/**
 * One declaration per HTTP operation: method, path, inputs, results, errors, limits and the
 * handler (one service call). The router (server/http/router.ts), the OpenAPI document
 * (server/http/openapi.ts) and the browser's typed client (components/api.ts) all derive
 * from it, so nothing about an operation is written twice.
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Status = 200 | 201 | 202 | 204 | 304 | 503;
/** Results by status: a zod schema for a JSON body, null for no body. */
export type Results = Partial<Record<Status, z.ZodType | null>>;

/** `{id: string}` from "/api/v1/posts/{id}". */
export type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [key in K | keyof PathParams<Rest>]: string }
  : Record<never, string>;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type InferIn<S> = S extends z.ZodType ? z.input<S> : undefined;

export interface HandlerContext<P extends string, Q, B> {
  req: Request;
  params: PathParams<P>;
  query: Infer<Q>;
  body: Infer<B>;
  viewer: Viewer | null;
  services: Services;
  requestId: string;
  /** The client address the rate limits key on. */
  ip: string;
  /** The body's bytes, for an operation that declares `raw` (already held to its types and size). */
  raw: Uint8Array | undefined;
}

/** A body that is not JSON: its media types and size, checked before any of it is buffered. */
export interface RawBody {
  types: readonly string[];
  maxBytes: number;
  description: string;
}

/** A 200 that is not JSON (the handler returns a Response): its media type, for the OpenAPI document. */
export interface BinaryResult {
  type: string;
  description: string;
}

const REPLY = Symbol.for("parley.reply");
/** A body with a status other than the operation's lowest one (e.g. 201 for a fresh create). */
export interface Replied<S extends Status = Status, T = unknown> {
  [REPLY]: true;
  status: S;
  body: T;
  headers?: Record<string, string>;
}

/** The handler's answer: a body for the lowest declared status, or reply(status, body). */
export type HandlerResult<O extends Results> =
  | { [S in keyof O]: O[S] extends z.ZodType ? z.input<O[S]> : void }[keyof O]
  | { [S in keyof O & Status]: Replied<S, O[S] extends z.ZodType ? z.input<O[S]> : undefined> }[keyof O & Status];

export function reply<S extends Status, T>(status: S, body: T, headers?: Record<string, string>): Replied<S, T> {
  return { [REPLY]: true, status, body, headers };
}

export function isReplied(value: unknown): value is Replied {
  return typeof value === "object" && value !== null && REPLY in value;
}

export interface OperationSpec<M extends Method, P extends string, Q, B, O extends Results> {
  /** The OpenAPI operationId, e.g. "createComment". */
  name: string;
  method: M;
  path: P;
  summary: string;
  /** Who may call it (documentation; services enforce it). */
  auth?: "member" | "staff" | "admin";
  query?: Q;
  body?: B;
  /** The body may be left out entirely. */
  optionalBody?: boolean;
  /** The body is bytes, not JSON (instead of `body`): the router reads it under its own limit. */
  raw?: RawBody;
  /** The 200 answer is bytes of this type, not JSON (declare `ok: {200: null}`). */
  binary?: BinaryResult;
  /** Not counted against the per-address API budget: content-addressed bytes a page loads many of. */
  unmetered?: true;
  ok: O;
  /** Every error code the operation can answer with, besides INTERNAL and UNAVAILABLE. */
  errors: readonly ErrorCode[];
  /** A named rate limit, counted per member (or per address for guests) before the handler. */
  limit?: LimitName | { name: LimitName; by: "ip" };
  /** false: the router does not look the caller's session up (viewer is null): for answers that need no database. */
  session?: false;
  /**
   * true: a write any site may send (no Origin check). Only for writes whose credential is in
   * the request itself, never the cookie: a mail client's one-click unsubscribe (RFC 8058).
   */
  crossSite?: true;
  /** A Response is sent as it is (for `binary` results). */
  handle(ctx: HandlerContext<P, Q, B>): Promise<HandlerResult<O>> | Promise<Response>;
}

/** Any declared operation, as the router and the OpenAPI builder see it. */
export interface Operation {
  name: string;
  method: Method;
  path: string;
  summary: string;
  auth?: "member" | "staff" | "admin";
  query?: unknown;
  body?: unknown;
  optionalBody?: boolean;
  raw?: RawBody;
  binary?: BinaryResult;
  unmetered?: true;
  ok: Results;
  errors: readonly ErrorCode[];
  limit?: LimitName | { name: LimitName; by: "ip" };
  session?: false;
  crossSite?: true;
  handle(ctx: never): Promise<unknown>;
}

export function defineOperation<
  const M extends Method,
  const P extends string,
  O extends Results,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: OperationSpec<M, P, Q, B, O>): OperationSpec<M, P, Q, B, O> {
  return spec;
}

// ---- What a caller sends and gets back, derived from a declaration (used by the browser). ----

type AnyOp = { method: Method; path: string; ok: Results; query?: unknown; body?: unknown };
export type OperationKey<Op extends AnyOp> = Op extends AnyOp ? `${Op["method"]} ${Op["path"]}` : never;

type ParamsPart<P extends string> = keyof PathParams<P> extends never ? { params?: undefined } : { params: PathParams<P> };
type QueryPart<Q> = Q extends z.ZodType ? { query?: z.input<Q> } : { query?: undefined };
type BodyPart<B> = B extends z.ZodType
  ? undefined extends z.input<B>
    ? { body?: z.input<B> }
    : { body: z.input<B> }
  : { body?: undefined };

export type InputOf<Op extends AnyOp> = ParamsPart<Op["path"]> & QueryPart<Op["query"]> & BodyPart<Op["body"]>;
/** The success body (the union over 2xx statuses; undefined for 204). */
export type OutputOf<Op extends AnyOp> = {
  [S in keyof Op["ok"]]: S extends 200 | 201 | 202 | 204 ? Infer<Op["ok"][S]> : never;
}[keyof Op["ok"]];
export type { InferIn };

/** What any write can be refused for (the Origin check's 403 included). */
export const WRITE_ERRORS = ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] as const;
/** A write without a body (DELETE): signed in, allowed, existing, within limits. */
export const DELETE_ERRORS = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"] as const;
export const STAFF_READ_ERRORS = ["VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"] as const;
