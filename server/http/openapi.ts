import { z } from "zod";
import { STATUS, type ErrorCode } from "../errors";
import { RESPONSES } from "./openapi.schemas";
import { OPERATIONS, REQUESTS, type Method, type Operation } from "./openapi.operations";

export { OPERATIONS };

/**
 * The machine-readable copy of the HTTP contract (`GET /api/v1/openapi.json`). Request
 * schemas are the very zod schemas the routes parse with; response shapes live in
 * openapi.schemas.ts. server/http/openapi.test.ts checks real responses against them and
 * that every route file under app/api/v1 is described here.
 */
const WHY: Record<ErrorCode, string> = {
  BAD_JSON: "body is not valid JSON",
  VALIDATION_FAILED: "a field is missing, wrong or too long; `details` lists each field",
  UNAUTHENTICATED: "sign in first",
  FORBIDDEN: "not allowed: cross-site request, wrong role, not the author, banned, or locked post",
  NOT_FOUND: "no such (visible) resource",
  CONFLICT: "already taken",
  PAYLOAD_TOO_LARGE: "body over 64 KB",
  RATE_LIMITED: "too many requests; see Retry-After",
  INTERNAL: "unexpected; quote the requestId",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });

function components(schemas: Record<string, z.ZodType>, io: "input" | "output") {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }).schemas;
  for (const s of Object.values(out)) {
    delete s.$schema;
    delete s.$id;
  }
  return out;
}

function operation(path: string, method: Method, op: Operation) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  if (op.query) {
    const q = z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, object>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: schema as { type: string } });
  }
  const responses: Record<string, object> = {};
  for (const [status, name] of Object.entries(op.ok))
    responses[status] = name ? { description: "OK", content: json(ref(name)) } : { description: "No content" };
  const errors = new Set<ErrorCode>([...op.errors, "INTERNAL"]);
  for (const code of errors) {
    const status = String(STATUS[code]);
    const prev = (responses[status] as { description?: string } | undefined)?.description;
    responses[status] = {
      description: prev ? `${prev}; ${code}: ${WHY[code]}` : `${code}: ${WHY[code]}`,
      content: json(ref("Error")),
      ...(code === "RATE_LIMITED" && { headers: { "Retry-After": { schema: { type: "integer" }, description: "seconds" } } }),
    };
  }
  return {
    operationId: `${method}${path
      .replace(/^\/api(\/v1)?/, "")
      .replace(/[{}]/g, "")
      .replace(/[/.](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    ...(op.auth && {
      security: [{ session: [] }],
      description: `Requires a signed-in ${op.auth === "member" ? "member" : op.auth === "staff" ? "moderator or admin" : "admin"}.`,
    }),
    ...(params.length && { parameters: params }),
    ...(op.body && { requestBody: { required: !op.optionalBody, content: json(ref(op.body)) } }),
    responses,
  };
}

let cached: object | undefined;

/** The OpenAPI 3.1 document for Parley's HTTP API (built once per process). */
export function openApiDocument(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, object>> = {};
  for (const [path, ops] of Object.entries(OPERATIONS)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops) as [Method, Operation][]) paths[path][method] = operation(path, method, op);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "1",
      description:
        "JSON under /api/v1. Sign in through NextAuth: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form: csrfToken, email, password). " +
        "State-changing requests must come from Parley's origin (Origin, else Referer) or get 403. Every response carries x-request-id.",
    },
    paths,
    components: {
      schemas: { ...components(RESPONSES, "output"), ...components(REQUESTS, "input") },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } },
    },
  };
  return cached;
}
