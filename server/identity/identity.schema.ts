import { z } from "zod";
import { ZRegisterInput } from "../users/users.schema";

/** The identity providers Parley knows: NextAuth's provider ids. */
export const ZProviderId = z.enum(["oidc", "github"]);
export type TProviderId = z.infer<typeof ZProviderId>;

/** What a provider told us about the person, after NextAuth checked state, PKCE, nonce and the id token. */
export const ZProviderIdentity = z.object({
  provider: ZProviderId,
  providerAccountId: z.string().min(1).max(255),
  email: z.string().trim().toLowerCase().email().max(254).nullable(),
  /** Only an explicit `email_verified: true` (or GitHub's verified primary address) counts. */
  emailVerified: z.boolean(),
  preferredUsername: z.string().max(255).nullable(),
});
export type TProviderIdentity = z.infer<typeof ZProviderIdentity>;

/** The one-step welcome page: the username a newcomer from a provider chooses. */
export const ZProviderSignupInput = z.object({ username: ZRegisterInput.shape.username });
export type TProviderSignupInput = z.infer<typeof ZProviderSignupInput>;

/** A valid username as it is, or null (then the newcomer chooses one). */
export function usableUsername(raw: string | null): string | null {
  if (!raw) return null;
  const parsed = ZRegisterInput.shape.username.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A starting point for the welcome form: the provider's name made valid ("Ann Lee" → "Ann_Lee"). */
export function suggestUsername(raw: string | null, email: string | null): string {
  const base = (raw || email?.split("@")[0] || "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32);
  return base.length >= 3 ? base : "";
}

/**
 * The normalized identity from a provider's claims (an OpenID id token merged with its userinfo,
 * or GitHub's profile as server/auth/providers.ts shapes it), or null when it has no subject.
 */
export function identityFromClaims(provider: TProviderId, claims: Record<string, unknown>): TProviderIdentity | null {
  const sub = claims.sub ?? claims.id;
  const email = typeof claims.email === "string" ? claims.email : null;
  const parsedEmail = email ? z.string().trim().toLowerCase().email().max(254).safeParse(email) : null;
  const name = [claims.preferred_username, claims.login, claims.nickname].find((v): v is string => typeof v === "string" && v.length > 0);
  const parsed = ZProviderIdentity.safeParse({
    provider,
    providerAccountId: typeof sub === "string" || typeof sub === "number" ? String(sub) : "",
    email: parsedEmail?.success ? parsedEmail.data : null,
    // Some providers send the string "true"; anything else (absent, false) is unverified.
    emailVerified: parsedEmail?.success === true && (claims.email_verified === true || claims.email_verified === "true"),
    preferredUsername: name ?? null,
  });
  return parsed.success ? parsed.data : null;
}
