import { env } from "../env";
import { getServices } from "../context";
import { AppError, forbidden } from "../errors";
import { requestViewer, resolveSession, sessionTokenFrom } from "../auth/session";
import { childLogger } from "../logger";
import { CLIENT_IP_HEADER } from "./headers";
import { limitKey } from "./client-address";
import { errorResponse, internalError, json, toAppError } from "./respond";
import { parseWith, queryOf, readJson, readRaw } from "./request";
import { isReplied, type Method, type Operation, type Status } from "./operation";
import { asUnavailable } from "../db/outage";
import { withEtag } from "./etag";
import { preparedOf } from "../readmodel/read-model";

const log = childLogger("http");
const WRITE_METHODS = new Set<string>(["POST", "PUT", "PATCH", "DELETE"]);

/** Cross-site protection: a state-changing request must come from one of Parley's origins. */
function checkOrigin(req: Request) {
  const origin = req.headers.get("origin");
  let source = origin && origin !== "null" ? origin : null;
  if (!source) {
    const referer = req.headers.get("referer");
    try {
      source = referer ? new URL(referer).origin : null;
    } catch {
      source = null;
    }
  }
  if (!source || !env.allowedOrigins.has(source)) throw forbidden("cross-site request refused");
}

interface Compiled {
  op: Operation;
  pattern: RegExp;
  names: string[];
  statics: number;
}

function compile(op: Operation): Compiled {
  const names: string[] = [];
  const segments = op.path.split("/").map((segment) => {
    const param = /^\{(\w+)\}$/.exec(segment);
    if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
    names.push(param[1]);
    return "([^/]+)";
  });
  // More literal segments first: /notifications/read wins over /notifications/{id}.
  return { op, pattern: new RegExp(`^${segments.join("/")}$`), names, statics: segments.length - names.length };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Runs one declared operation: request id, Origin check on writes, session, body and query
 * parsing with the declared schemas, the declared rate limit, the handler, and the one
 * error-to-response ladder. Handlers never see a raw request they must validate themselves.
 */
async function run(c: Compiled, req: Request, match: RegExpExecArray, requestId: string): Promise<Response> {
  const { op } = c;
  if (WRITE_METHODS.has(req.method) && !op.crossSite) checkOrigin(req);
  const services = getServices();
  const session =
    op.session === false
      ? ({ status: "anonymous" } as const)
      : await resolveSession(sessionTokenFrom(req.headers.get("cookie")), env.secret, services.sessions.lookup);
  const viewer = requestViewer(session);
  const ip = limitKey(req.headers.get(CLIENT_IP_HEADER) ?? "unknown");
  const params = Object.fromEntries(c.names.map((name, i) => [name, decode(match[i + 1])]));
  // Counted before parsing, so a flood of malformed bodies is limited too: first the
  // address's budget for the whole API, then the operation's own limit.
  if (!op.unmetered) await services.limits.consume("api", `ip:${ip}`);
  if (op.limit) {
    const { name, by } = typeof op.limit === "string" ? { name: op.limit, by: "member" } : op.limit;
    if (by === "ip") await services.limits.consume(name, `ip:${ip}`);
    else if (viewer) await services.limits.consume(name, `u:${viewer.id}`);
  }
  const query = op.query ? parseWith(op.query as never, queryOf(req)) : undefined;
  const body = op.body ? parseWith(op.body as never, await readJson(req, { optional: op.optionalBody })) : undefined;
  // A raw body is read only for a signed-in caller: a guest's 5 MB would be refused anyway.
  const raw = op.raw && (viewer || op.auth === undefined) ? await readRaw(req, op.raw) : undefined;
  const result = await op.handle({ req, params, query, body, viewer, services, requestId, ip, raw } as never);
  if (result instanceof Response) {
    result.headers.set("x-request-id", requestId);
    return result;
  }
  const [status, payload, headers] = isReplied(result)
    ? [result.status, result.body, result.headers]
    : [Math.min(...Object.keys(op.ok).map(Number)) as Status, result, undefined];
  const res =
    op.ok[status] === null || status === 204 || status === 304
      ? new Response(null, { status, headers })
      : req.method === "GET" && status === 200
        ? answerGet(req, payload, headers)
        : json(payload, status, headers);
  res.headers.set("x-request-id", requestId);
  return res;
}

/** A GET's 200 with its strong ETag; a shared read from the read model is sent as it was serialized then. */
function answerGet(req: Request, payload: unknown, headers?: Record<string, string>): Response {
  const prepared = preparedOf(payload);
  return prepared ? withEtag(req, prepared.body, headers, prepared.etag) : withEtag(req, JSON.stringify(payload), headers);
}

/** Finds the declared operation a method and path name (more literal segments win). */
export function createMatcher(operations: readonly Operation[]) {
  const compiled = operations.map(compile).sort((a, b) => b.statics - a.statics);
  return (method: string, pathname: string): { c: Compiled; match: RegExpExecArray } | null => {
    const path = pathname.replace(/\/+$/, "") || "/";
    for (const c of compiled) {
      if (c.op.method !== method) continue;
      const match = c.pattern.exec(path);
      if (match) return { c, match };
    }
    return null;
  };
}

/** A route handler per method over every declared operation: the whole API behind one catch-all. */
export function createRouter(operations: readonly Operation[]) {
  const find = createMatcher(operations);

  async function dispatch(req: Request): Promise<Response> {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const found = find(req.method, new URL(req.url).pathname);
      if (found) return await run(found.c, req, found.match, requestId);
      throw new AppError("NOT_FOUND", "no such endpoint");
    } catch (err) {
      // A database that cannot be reached is an outage, not an internal error: 503 with Retry-After.
      const known = toAppError(err) ?? asUnavailable(err);
      if (known?.code === "UNAVAILABLE") log.warn({ err, requestId, method: req.method, url: req.url }, "database unavailable");
      if (known) return errorResponse(known, requestId);
      log.error({ err, requestId, method: req.method, url: req.url }, "unhandled error");
      return errorResponse(internalError(), requestId);
    }
  }

  const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const satisfies readonly Method[];
  return Object.fromEntries(methods.map((m) => [m, dispatch])) as Record<Method, (req: Request) => Promise<Response>>;
}
