import { decode, encode } from "next-auth/jwt";
import { ZProviderIdentity, type TProviderIdentity } from "./identity.schema";

/** The cookie that carries a provider sign-in waiting for its username (HttpOnly, 10 minutes). */
export const PENDING_SIGNUP_COOKIE = "parley.provider-signup";
export const PENDING_SIGNUP_TTL_S = 600;
// A key of its own (HKDF salt), so a pending sign-up can never pass for a session token.
const SALT = "parley.provider-signup";

export interface PendingSignupSeal {
  seal(identity: TProviderIdentity): Promise<string>;
  /** The identity inside a token this server sealed in the last 10 minutes, else null. */
  open(token: string | undefined): Promise<TProviderIdentity | null>;
}

/**
 * A provider sign-in whose member does not exist yet, sealed (encrypted and authenticated, as
 * NextAuth seals sessions) with the site's secret: nothing is written to the database until the
 * newcomer submits a username, and a tampered or expired token opens to nothing.
 */
export function createPendingSignupSeal(secret: string): PendingSignupSeal {
  return {
    seal: (identity) => encode({ token: { identity }, secret, salt: SALT, maxAge: PENDING_SIGNUP_TTL_S }),
    async open(token) {
      if (!token || token.length > 4096) return null;
      try {
        const payload = await decode({ token, secret, salt: SALT });
        if (!payload || typeof payload.exp !== "number" || payload.exp * 1000 < Date.now()) return null;
        const parsed = ZProviderIdentity.safeParse(payload.identity);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
