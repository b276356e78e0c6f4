import { serialize } from "cookie";
import { encode } from "next-auth/jwt";
import { env } from "../env";
import type { ProviderSession } from "../identity/identity.service";
import { SESSION_COOKIES } from "./session";

/** NextAuth's session lifetime (options.ts): 30 days. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/**
 * The Set-Cookie of a NextAuth session for `session`, exactly what NextAuth's own sign-in sets
 * (same token claims as the jwt callback writes, same JWE, cookie name and attributes): for the
 * welcome page, which finishes a provider sign-in after NextAuth's callback has returned.
 */
export async function sessionSetCookie(session: ProviderSession): Promise<string> {
  const token = await encode({
    token: {
      name: session.username,
      sub: session.id,
      username: session.username,
      role: session.role,
      sv: session.sessionVersion,
      sid: session.sid,
    },
    secret: env.secret,
    maxAge: SESSION_MAX_AGE_S,
  });
  const name = env.secureCookies ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
  return serialize(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.secureCookies,
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
}

/** The pending sign-up cookie's attributes (set by the signIn callback, read by the welcome page). */
export const pendingCookieOptions = (maxAgeSeconds: number) =>
  ({ httpOnly: true, sameSite: "lax", path: "/", secure: env.secureCookies, maxAge: maxAgeSeconds }) as const;
