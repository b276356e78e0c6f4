import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "../env";
import { CLIENT_IP_HEADER } from "./headers";
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
    "img-src 'self' https: data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
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
  req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.TRUST_PROXY);
  res.setHeader("x-request-id", requestId);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("permissions-policy", "camera=(), microphone=(), geolocation=()");
  if (!req.url?.startsWith("/api/")) {
    const csp = contentSecurityPolicy(randomBytes(16).toString("base64"));
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    req.headers["content-security-policy"] = csp;
    res.setHeader("content-security-policy", csp);
  } else {
    res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
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
