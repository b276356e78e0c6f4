import { createHash } from "node:crypto";
import { parse } from "cookie";
import { decode, type JWT } from "next-auth/jwt";
import type { Viewer } from "../dto";

/** NextAuth v4's default session cookie names (HTTPS first). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * A request's or handshake's session. `viewer` is the member's access row as the node keeps it
 * (server/users/access-cache.ts), shared by every request and socket of that member: read it,
 * never change it. `sessionId` is the sign-in session the token names.
 */
export type SessionResult =
  | { status: "anonymous" }
  | { status: "invalid" }
  | { status: "ok"; viewer: Readonly<Viewer>; sessionId: string };

/** The viewer a request's handlers get: the member's access with the request's sign-in session. */
export function requestViewer(session: SessionResult): Viewer | null {
  return session.status === "ok" ? { ...session.viewer, sessionId: session.sessionId } : null;
}

export function sessionTokenFrom(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = parse(cookieHeader);
  for (const name of SESSION_COOKIES) if (cookies[name]) return cookies[name];
  return undefined;
}

/** What Parley reads from a session token: whose it is, their session, its version and expiry. */
interface Claims {
  sub: string;
  sv: number;
  sid: string;
  exp?: number;
}

/**
 * Tokens already decoded, by a SHA-256 of their text. Decoding derives the key (HKDF) and
 * decrypts the JWE, on every request and handshake otherwise. A token's text fixes its payload
 * (authenticated encryption under one secret), and expiry and the database checks below still
 * run on every use, so remembering it changes only the cost. Keyed by digest and holding the
 * four claims only, an entry is about 0.2 KB, not the ~1 KB token (nor, through V8's sliced
 * strings, the whole cookie header it was cut from). Bounded; the oldest entry goes first.
 * The bound is well above the sockets a node holds (10,000 is comfortable): members
 * reconnecting in the order they first came in would otherwise each push out the next one's
 * token.
 */
const DECODED_MAX = 20_000;
const decoded = new Map<string, { secret: string; claims: Claims }>();

function claimsOf(payload: JWT | null): Claims | null {
  if (!payload?.sub || typeof payload.sv !== "number" || typeof payload.sid !== "string") return null;
  return { sub: payload.sub, sv: payload.sv, sid: payload.sid, exp: typeof payload.exp === "number" ? payload.exp : undefined };
}

/** The token's claims, or null when it does not decrypt under `secret` or lacks them. */
async function decodeOnce(token: string, secret: string): Promise<Claims | null> {
  const key = createHash("sha256").update(token).digest("base64url");
  const hit = decoded.get(key);
  if (hit && hit.secret === secret) return hit.claims;
  let claims: Claims | null;
  try {
    claims = claimsOf(await decode({ token, secret }));
  } catch {
    return null;
  }
  if (claims) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { secret, claims });
  }
  return claims;
}

/**
 * The access of user `sub` when their session `sid` is live, else null
 * (services.sessions.lookup). The object may be shared: callers must not change it.
 */
export type SessionLookup = (claims: { sub: string; sid: string }) => Promise<Viewer | null>;

/**
 * Validates a NextAuth session token exactly as NextAuth does (same secret, same JWE), then
 * checks it against the database: its sign-in session (`sid`) must still exist for that user
 * (sign-out, password change and "sign out elsewhere" delete it) and the token's session
 * version must match (bumped by bans). Used by HTTP routes and the socket handshake.
 */
export async function resolveSession(token: string | undefined, secret: string, lookup: SessionLookup): Promise<SessionResult> {
  if (!token) return { status: "anonymous" };
  const payload = await decodeOnce(token, secret);
  if (!payload) return { status: "invalid" };
  if (payload.exp !== undefined && payload.exp * 1000 < Date.now()) return { status: "invalid" };
  const viewer = await lookup({ sub: payload.sub, sid: payload.sid });
  if (!viewer) return { status: "invalid" };
  // A ban revokes sessions (bumps the version), yet a banned member's requests should say
  // "banned" (403 / `forbidden`), not "signed out": the ban is checked before the version.
  if (viewer.ban) return { status: "ok", viewer, sessionId: payload.sid };
  if (viewer.sessionVersion !== payload.sv) return { status: "invalid" };
  return { status: "ok", viewer, sessionId: payload.sid };
}
