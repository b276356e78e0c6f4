import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "../env";
import { CLIENT_IP_HEADER, SHELL_HEADER } from "./headers";
import { clientAddress } from "./client-address";
import { childLogger } from "../logger";

const log = childLogger("http");
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Security headers for every page; script runs only with this request's nonce. */
function contentSecurityPolicy(nonce: string): string {
  const dev = !env.production;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Markdown images from other hosts are rendered as links (server/markdown/render.ts):
    // a reader's browser never fetches from a host an author picked.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers every response carries, pages, API and Socket.IO's own (io.ts) alike. HSTS only
 * when Parley's public origin is https in production: a browser would otherwise pin a
 * development host to https.
 */
export function baseSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (env.production && env.secureCookies) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** NextAuth's endpoints take small forms: a larger body is refused before anything reads it. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * Refuses a POST to /api/auth/* whose body is over MAX_AUTH_BODY_BYTES, or of unknown length
 * (chunked), with 413 before Next or NextAuth buffer any of it. Returns true when it answered.
 */
export function refuseOversizedAuthBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.url?.startsWith("/api/auth/")) return false;
  const declared = req.headers["content-length"];
  const length = declared === undefined ? NaN : Number(declared);
  if (Number.isFinite(length) && length <= MAX_AUTH_BODY_BYTES) return false;
  const requestId = String(req.headers["x-request-id"] ?? "");
  const message = `request body must declare its length and be at most ${MAX_AUTH_BODY_BYTES / 1024} KB`;
  // The unread body stays on the socket: close the connection instead of reading it.
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message, requestId } }));
  return true;
}

/**
 * Everything every request gets before Next sees it: a request id (echoed in the response and
 * in error bodies), the client IP in one trusted header, security headers, and a log line with
 * method, path, status and latency when it finishes.
 */
export function prepareRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, env.TRUST_PROXY);
  delete req.headers[SHELL_HEADER];
  res.setHeader("x-request-id", requestId);
  for (const [name, value] of Object.entries(baseSecurityHeaders())) res.setHeader(name, value);
  if (!req.url?.startsWith("/api/")) {
    const csp = contentSecurityPolicy(randomBytes(16).toString("base64"));
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    req.headers["content-security-policy"] = csp;
    res.setHeader("content-security-policy", csp);
  } else {
    res.setHeader("content-security-policy", "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  }
  res.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (req.url?.startsWith("/_next/")) return;
    log.info(
      { requestId, method: req.method, path: req.url?.split("?")[0], status: res.statusCode, ms: Math.round(ms * 10) / 10 },
      "request",
    );
  });
}
