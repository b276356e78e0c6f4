import { parse } from "cookie";
import { decode } from "next-auth/jwt";
import type { Viewer } from "../dto";

/** NextAuth v4's default session cookie names (HTTPS first). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export type SessionResult = { status: "anonymous" } | { status: "invalid" } | { status: "ok"; viewer: Viewer };

export function sessionTokenFrom(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = parse(cookieHeader);
  for (const name of SESSION_COOKIES) if (cookies[name]) return cookies[name];
  return undefined;
}

/**
 * Validates a NextAuth session token exactly as NextAuth does (same secret, same JWE), then
 * checks it against the database: the user must exist and the token's session version must
 * match (bumped by sign-out-everywhere and bans). Used by HTTP routes and the socket handshake.
 */
export async function resolveSession(
  token: string | undefined,
  secret: string,
  findAccess: (id: string) => Promise<Viewer | null>,
): Promise<SessionResult> {
  if (!token) return { status: "anonymous" };
  let payload;
  try {
    payload = await decode({ token, secret });
  } catch {
    return { status: "invalid" };
  }
  if (!payload?.sub || typeof payload.sv !== "number") return { status: "invalid" };
  if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now()) return { status: "invalid" };
  const viewer = await findAccess(payload.sub);
  if (!viewer) return { status: "invalid" };
  // A ban revokes sessions (bumps the version), yet a banned member's requests should say
  // "banned" (403 / `forbidden`), not "signed out": the ban is checked before the version.
  if (viewer.ban) return { status: "ok", viewer };
  if (viewer.sessionVersion !== payload.sv) return { status: "invalid" };
  return { status: "ok", viewer };
}
