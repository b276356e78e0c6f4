import type { Profile, User } from "next-auth";
import { cookies, headers } from "next/headers";
import { env } from "../env";
import { getServices } from "../context";
import { identityFromClaims, ZProviderId } from "../identity/identity.schema";
import { PENDING_SIGNUP_COOKIE, PENDING_SIGNUP_TTL_S } from "../identity/pending";
import { pendingCookieOptions } from "./session-cookie";

const signInPage = (error: string) => `${env.publicUrl}/signin?error=${encodeURIComponent(error)}`;

/**
 * NextAuth's signIn callback for identity providers, after NextAuth verified the callback
 * (state, PKCE, nonce, the id token). Returns true with `user` filled in as the jwt callback
 * expects (so the session token carries the Session row's sid, as a password sign-in's does),
 * or a URL: the welcome page (the pending sign-up sealed in a short-lived cookie) or the
 * sign-in page saying why it was refused. Nothing is created for a refused sign-in.
 */
export async function providerSignIn(user: User, providerId: string, profile: Profile | undefined): Promise<true | string> {
  const provider = ZProviderId.safeParse(providerId);
  const identity = provider.success && profile ? identityFromClaims(provider.data, profile as Record<string, unknown>) : null;
  if (!identity) return signInPage("OAuthCallback");
  const userAgent = (await headers()).get("user-agent") ?? "";
  const outcome = await getServices().identity.signIn(identity, userAgent);
  switch (outcome.kind) {
    case "signed-in": {
      const { session } = outcome;
      Object.assign(user, {
        id: session.id,
        name: session.username,
        username: session.username,
        role: session.role,
        sessionVersion: session.sessionVersion,
        sid: session.sid,
      });
      return true;
    }
    case "choose-username":
      (await cookies()).set(PENDING_SIGNUP_COOKIE, outcome.pendingToken, pendingCookieOptions(PENDING_SIGNUP_TTL_S));
      return `${env.publicUrl}/welcome`;
    case "refused":
      return signInPage(`Provider${outcome.reason}`);
  }
}
