import type { z } from "zod";
import { env } from "../env";
import { getServices } from "../context";
import type { Services } from "../services";
import type { Viewer } from "../dto";
import { AppError, forbidden } from "../errors";
import { resolveSession, sessionTokenFrom } from "../auth/session";
import { CLIENT_IP_HEADER } from "./headers";
import { childLogger } from "../logger";
import type { LimitName } from "./rate-limit";
import { errorResponse, internalError, toAppError } from "./respond";
import { parseWith, queryOf, readJson } from "./request";

const log = childLogger("http");
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RouteContext<P> {
  req: Request;
  params: P;
  viewer: Viewer | null;
  services: Services;
  requestId: string;
  ip: string;
  /** Reads and validates the JSON body (`optional`: an empty body is validated as undefined). */
  body<S extends z.ZodType>(schema: S, opts?: { optional?: boolean }): Promise<z.infer<S>>;
  query<S extends z.ZodType>(schema: S): z.infer<S>;
  /** Counts one request against a named limit, keyed by user (or IP when anonymous). */
  limit(name: LimitName): Promise<void>;
}

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

/**
 * Wraps a route handler: request id, origin check on writes, session, parsing helpers, and
 * the one error-to-response ladder. Handlers stay thin: parse, call a service, respond.
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      if (WRITE_METHODS.has(req.method)) checkOrigin(req);
      const services = getServices();
      const session = await resolveSession(sessionTokenFrom(req.headers.get("cookie")), env.secret, services.users.findAccess);
      const viewer = session.status === "ok" ? session.viewer : null;
      const ip = req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
      const ctx: RouteContext<P> = {
        req,
        params: await segment.params,
        viewer,
        services,
        requestId,
        ip,
        body: async (schema, opts) => parseWith(schema, await readJson(req, opts)),
        query: (schema) => parseWith(schema, queryOf(req)),
        limit: (name) => services.limits.consume(name, viewer ? `u:${viewer.id}` : `ip:${ip}`),
      };
      const res = await handler(ctx);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      const known = toAppError(err);
      if (known) return errorResponse(known, requestId);
      log.error({ err, requestId, method: req.method, url: req.url }, "unhandled error");
      return errorResponse(internalError(), requestId);
    }
  };
}

export function notFoundRoute() {
  return route<{ rest: string[] }>(async () => {
    throw new AppError("NOT_FOUND", "no such endpoint");
  });
}
