import { z } from "zod";
import { STATUS, type ErrorCode } from "../errors";
import { ENTITIES } from "../shapes";
import type { Operation } from "./operation";

/**
 * The machine-readable copy of the HTTP contract (`GET /api/v1/openapi.json`), built from the
 * operation declarations themselves: their paths, the zod schemas the router parses with,
 * their result schemas and their error codes. server/http/openapi.test.ts validates it and
 * checks real responses against it.
 */
const WHY: Record<ErrorCode, string> = {
  BAD_JSON: "body is not valid JSON",
  VALIDATION_FAILED: "a field is missing, wrong or too long; `details` lists each field",
  UNAUTHENTICATED: "sign in first",
  FORBIDDEN: "not allowed: cross-site request, wrong role, not the author, banned, or locked post",
  NOT_FOUND: "no such (visible) resource",
  CONFLICT: "already taken",
  PAYLOAD_TOO_LARGE: "body over its limit (64 KB for JSON; an upload's own limit is in its requestBody)",
  RATE_LIMITED: "too many requests; see Retry-After",
  INTERNAL: "unexpected; quote the requestId",
  UNAVAILABLE: "the database (a dependency) is unreachable; see Retry-After",
  INVALID_TOKEN: "the mailed link's token is malformed, used, expired or not this account's",
};

/**
 * 503 UNAVAILABLE goes on every operation that touches the database, derived rather than
 * declared: the router looks up the caller's session in the database for every operation
 * that reads it, and the rest reach it through their service. Exempt: operations that
 * declare `session: false` (they answer without the database) and those that document a
 * 503 of their own (health).
 */
const touchesDatabase = (op: Operation) => op.session !== false && op.ok[503] === undefined;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Named components: the shared entities, then each operation's body and results. */
function components(operations: readonly Operation[]) {
  const output = z.registry<{ id: string }>();
  const input = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  const name = (registry: typeof output, schema: z.ZodType, id: string) => {
    if (!names.has(schema)) {
      registry.add(schema, { id });
      names.set(schema, id);
    }
    return names.get(schema)!;
  };
  for (const [id, schema] of Object.entries(ENTITIES)) name(output, schema, id);
  for (const op of operations) {
    if (op.body) name(input, op.body as z.ZodType, `${pascal(op.name)}Body`);
    const results = Object.entries(op.ok).filter((e): e is [string, z.ZodType] => e[1] !== null);
    for (const [status, schema] of results) name(output, schema, `${pascal(op.name)}Result${results.length > 1 ? status : ""}`);
  }
  const build = (registry: typeof output, io: "input" | "output") => {
    const out = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }).schemas;
    for (const s of Object.values(out)) {
      delete s.$schema;
      delete s.$id;
    }
    return out;
  };
  return { names, schemas: { ...build(output, "output"), ...build(input, "input") } };
}

/** What a cross-site write (a mail client's one-click unsubscribe) sends: a form nobody reads. */
const CROSS_SITE_FORM = {
  required: false,
  description: "RFC 8058's `List-Unsubscribe=One-Click`, or nothing: it is not read (the token in the path is the credential)",
  content: { "application/x-www-form-urlencoded": { schema: { type: "object", additionalProperties: { type: "string" } } } },
};

function operation(op: Operation, names: Map<z.ZodType, string>) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  if (op.query) {
    const q = z.toJSONSchema(op.query as z.ZodType, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, object>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: schema as { type: string } });
  }
  const responses: Record<string, object> = {};
  for (const [status, schema] of Object.entries(op.ok))
    responses[status] = schema
      ? { description: status === "503" ? "Unavailable" : "OK", content: json(ref(names.get(schema)!)) }
      : status === "200" && op.binary
        ? { description: op.binary.description, content: { [op.binary.type]: { schema: { type: "string", format: "binary" } } } }
        : { description: "No content" };
  if (op.method === "GET" && op.ok[200])
    responses["304"] = { description: "Not modified: the If-None-Match header named the current ETag" };
  for (const code of new Set<ErrorCode>([...op.errors, "INTERNAL", ...(touchesDatabase(op) ? (["UNAVAILABLE"] as const) : [])])) {
    const status = String(STATUS[code]);
    const prev = (responses[status] as { description?: string } | undefined)?.description;
    responses[status] = {
      description: prev ? `${prev}; ${code}: ${WHY[code]}` : `${code}: ${WHY[code]}`,
      content: json(ref("Error")),
      ...((code === "RATE_LIMITED" || code === "UNAVAILABLE") && {
        headers: { "Retry-After": { schema: { type: "integer" }, description: "seconds" } },
      }),
    };
  }
  return {
    operationId: op.name,
    summary: op.summary,
    ...(op.auth
      ? {
          security: [{ session: [] }],
          description: `Requires a signed-in ${op.auth === "member" ? "member" : op.auth === "staff" ? "moderator or admin" : "admin"}.`,
        }
      : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? { requestBody: { required: !op.optionalBody, content: json(ref(names.get(op.body as z.ZodType)!)) } }
      : op.crossSite
        ? { requestBody: CROSS_SITE_FORM }
        : {}),
    ...(op.raw ? { requestBody: rawBody(op.raw) } : {}),
    responses,
  };
}

/** A body of bytes: each accepted media type, its limit in the description. */
function rawBody(raw: NonNullable<Operation["raw"]>) {
  const schema = { type: "string", format: "binary", maxLength: raw.maxBytes };
  return {
    required: true,
    description: `${raw.description} At most ${raw.maxBytes} bytes (larger: 413 PAYLOAD_TOO_LARGE, before it is read whole).`,
    content: Object.fromEntries(raw.types.map((type) => [type, { schema }])),
  };
}

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, object>>;
  components: Record<string, unknown>;
};

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document for Parley's HTTP API (built once per process). */
export function openApiDocument(operations: readonly Operation[]): OpenApiDocument {
  if (cached) return cached;
  const { names, schemas } = components(operations);
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op, names);
  const doc: OpenApiDocument = {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "1",
      description:
        "JSON under /api/v1. Sign in through NextAuth: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form: csrfToken, email, password). " +
        "State-changing requests must come from Parley's origin (Origin, else Referer) or get 403. Every response carries x-request-id. " +
        "A request that cannot reach the database gets 503 UNAVAILABLE with Retry-After. " +
        "Outside this API, on the same port: GET /metrics, Prometheus text format, served to loopback addresses only unless the node runs " +
        "with METRICS_TOKEN (then to `Authorization: Bearer <token>` from anywhere).",
    },
    paths,
    components: { schemas, securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
  };
  cached = doc;
  return doc;
}
