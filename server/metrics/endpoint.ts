import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics";

const isLoopback = (address: string | undefined) =>
  !!address && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(req: IncomingMessage, res: ServerResponse, status: 401 | 403 | 405, code: string, message: string, headers = {}) {
  const requestId = String(req.headers["x-request-id"] ?? "");
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify({ error: { code, message, requestId } }));
}

/**
 * GET /metrics on the app port, before Next sees the request. Without METRICS_TOKEN only
 * loopback callers get it (a request that came through a proxy, with X-Forwarded-For or
 * Forwarded, is not treated as loopback even when the proxy runs on the same machine); with
 * it, any caller with `Authorization: Bearer <token>`, and nobody without.
 */
export function createMetricsEndpoint(metrics: Metrics, token: string | undefined) {
  return function serve(req: IncomingMessage, res: ServerResponse): boolean {
    if ((req.url ?? "").split("?")[0] !== "/metrics") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      refuse(req, res, 405, "NOT_FOUND", "GET /metrics", { allow: "GET, HEAD" });
      return true;
    }
    if (token) {
      const auth = req.headers.authorization ?? "";
      const given = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : "";
      if (!sameSecret(given, token)) {
        refuse(req, res, 401, "UNAUTHENTICATED", "send Authorization: Bearer <METRICS_TOKEN>", { "www-authenticate": "Bearer" });
        return true;
      }
    } else if (!isLoopback(req.socket.remoteAddress) || req.headers["x-forwarded-for"] || req.headers.forwarded) {
      refuse(req, res, 403, "FORBIDDEN", "metrics are served to loopback addresses only unless METRICS_TOKEN is set");
      return true;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : text);
      },
      (err: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`# metrics failed: ${(err as Error)?.message ?? err}\n`);
      },
    );
    return true;
  };
}
