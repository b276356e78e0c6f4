import { NextRequest } from "next/server";
import { env } from "../env";
import { getServices } from "../context";
import { isAppError, type AppError } from "../errors";
import { errorResponse } from "../http/respond";
import { CLIENT_IP_HEADER } from "../http/headers";
import { limitKey } from "../http/client-address";
import { MAX_AUTH_BODY_BYTES } from "../http/server";

/**
 * In front of NextAuth's POST endpoints (app/api/auth/[...nextauth]/route.ts). The custom
 * server already refused bodies over 16 KB by their Content-Length (server/http/server.ts);
 * this reads at most that much again, whatever arrives, and for a credentials sign-in counts
 * the attempt per client address and per account before NextAuth runs. A limited attempt is
 * answered 429 RATE_LIMITED with Retry-After in the contract's error shape; its `url` (what
 * next-auth's browser client reads) carries `error=RateLimited:<seconds>` for the sign-in page.
 */
export async function guardAuthPost(req: NextRequest): Promise<NextRequest | Response> {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const body = await readCapped(req);
  if (body === null) return tooLarge(requestId);
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const email = (new URLSearchParams(body).get("email") ?? "").trim().toLowerCase().slice(0, 254);
    const address = limitKey(req.headers.get(CLIENT_IP_HEADER) ?? "unknown");
    try {
      const { limits } = getServices();
      await limits.consume("signinAddress", address);
      if (email) {
        await limits.consume("signinAccount", email);
        await limits.consume("signinAccountHour", email);
      }
    } catch (err) {
      if (isAppError(err) && err.code === "RATE_LIMITED") return limited(err, requestId);
      throw err;
    }
  }
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body });
}

async function readCapped(req: Request): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_AUTH_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(requestId: string): Response {
  const res = Response.json(
    { error: { code: "PAYLOAD_TOO_LARGE", message: `request body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KB`, requestId } },
    { status: 413, headers: { connection: "close", "x-request-id": requestId } },
  );
  return res;
}

async function limited(err: AppError, requestId: string): Promise<Response> {
  const base = errorResponse(err, requestId);
  const body = (await base.json()) as { error: unknown };
  const url = new URL("/signin", env.publicUrl);
  url.searchParams.set("error", `RateLimited:${err.retryAfterSeconds ?? 60}`);
  return Response.json({ ...body, url: url.toString() }, { status: 429, headers: base.headers });
}
