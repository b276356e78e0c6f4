import type { IncomingMessage, ServerResponse } from "node:http";
import { createMatcher } from "../http/router";
import { OPERATIONS } from "../http/operations";
import type { Metrics } from "./metrics";

const findOperation = createMatcher(OPERATIONS);

/** Pages and other paths: a small fixed set of route labels (never a concrete id or name). */
const PAGES: [RegExp, string][] = [
  [/^\/$/, "/"],
  [/^\/c\/[^/]+$/, "/c/[slug]"],
  [/^\/p\/[^/]+$/, "/p/[id]"],
  [/^\/u\/[^/]+$/, "/u/[username]"],
  [/^\/(new|signin|register)$/, "/$1"],
  [/^\/admin(\/[a-z]+)?$/, "/admin$1"],
  [/^\/api\/auth\//, "/api/auth/*"],
  [/^\/_next\//, "/_next/*"],
  [/^\/metrics$/, "/metrics"],
];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The route label of a request: an API operation's path template, else one of PAGES. */
export function routeOf(method: string, url: string): string {
  const path = url.split("?")[0];
  if (path.startsWith("/api/") && !path.startsWith("/api/auth/")) return findOperation(method, path)?.c.op.path ?? "/api/(unknown)";
  for (const [pattern, label] of PAGES) {
    const m = pattern.exec(path);
    if (m) return label.replace("$1", m[1] ?? "");
  }
  return /\.[a-z0-9]+$/i.test(path) ? "(static)" : "(other)";
}

/** Times every request the custom server answers (Socket.IO's own requests aside). */
export function trackHttp(metrics: Metrics, req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
    const route = routeOf(method, req.url ?? "/");
    metrics.httpRequest(method, route, res.statusCode, seconds);
    if (method === "GET" && route === "/api/v1/posts/{id}/comments") metrics.catchup("client");
    if (res.statusCode === 503 && route.startsWith("/api/")) metrics.dbError("unavailable");
  });
}
