import type { Profile, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import GitHubProvider from "next-auth/providers/github";
import type { Env } from "../env";
import type { TProviderId } from "../identity/identity.schema";

type Claims = Record<string, unknown>;

/** The identity providers the environment configures, for the sign-in page's buttons. */
export function configuredProviders(env: Pick<Env, "oidc" | "github">): { id: TProviderId; name: string }[] {
  const list: { id: TProviderId; name: string }[] = [];
  if (env.oidc) list.push({ id: "oidc", name: env.oidc.name });
  if (env.github) list.push({ id: "github", name: "GitHub" });
  return list;
}

/**
 * NextAuth providers for OIDC_* and GITHUB_*. The OpenID one runs the authorization-code flow
 * with PKCE, state and nonce all checked (openid-client verifies the id token's signature,
 * issuer, audience, expiry and nonce); its issuer must also be exactly OIDC_ISSUER, whatever the
 * discovery document claims. Claims come from the id token, completed by userinfo.
 */
export function identityProviders(env: Pick<Env, "oidc" | "github">): OAuthConfig<Claims>[] {
  const providers: OAuthConfig<Claims>[] = [];
  const { oidc, github } = env;
  if (oidc) {
    providers.push({
      id: "oidc",
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      userinfo: {
        async request({ client, tokens: params }) {
          // NextAuth hands over openid-client's TokenSet (its types say only the parameters).
          const tokens = params as unknown as TokenSet;
          const claims = tokens.claims() as Claims;
          if (String(claims.iss).replace(/\/+$/, "") !== oidc.issuer) throw new Error(`unexpected issuer ${String(claims.iss)}`);
          // openid-client refuses userinfo whose `sub` differs from the id token's.
          const info = tokens.access_token ? ((await client.userinfo(tokens).catch(() => ({}))) as Claims) : {};
          return { ...info, ...claims } as Profile;
        },
      },
      // Who the member is here is decided in the signIn callback (server/identity); this only names them.
      profile: (claims) =>
        ({
          id: String(claims.sub),
          name: typeof claims.name === "string" ? claims.name : null,
          email: typeof claims.email === "string" ? claims.email : null,
          image: null,
        }) as unknown as User,
    });
  }
  if (github) {
    const base = GitHubProvider({ clientId: github.clientId, clientSecret: github.clientSecret }) as OAuthConfig<Claims>;
    providers.push({
      ...base,
      checks: ["pkce", "state"],
      userinfo: {
        url: "https://api.github.com/user",
        // GitHub's profile email is whatever the member made public: use the primary address
        // from /user/emails with its own `verified` flag instead (scope user:email).
        async request({ tokens }) {
          const headers = { authorization: `Bearer ${tokens.access_token}`, accept: "application/vnd.github+json", "user-agent": "Parley" };
          const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as Claims;
          const res = await fetch("https://api.github.com/user/emails", { headers });
          const emails = res.ok ? ((await res.json()) as { email: string; primary: boolean; verified: boolean }[]) : [];
          const primary = emails.find((e) => e.primary) ?? null;
          return {
            ...profile,
            sub: String(profile.id),
            email: primary?.email ?? undefined,
            email_verified: primary?.verified === true,
          } as Profile;
        },
      },
    });
  }
  return providers;
}
