import { createServer, type Server } from "node:http";
// oidc-provider ships no types; test/oidc-provider-module.d.ts declares the little used here.
import Provider from "oidc-provider";
import { freePort } from "./database";

/** What the test provider asserts about one of its accounts (OpenID standard claims). */
export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
}

export interface TestIdp {
  /** The issuer, e.g. http://127.0.0.1:41234 (OIDC_ISSUER). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment a Parley node needs to offer this provider. */
  env: Record<string, string>;
  /** Adds (or replaces) an account that can sign in with `login` = `id` and any password. */
  addAccount(id: string, claims: IdpAccount): void;
  /** While on, the token endpoint's id_token has a corrupted signature (a forged token). */
  corruptIdTokens(on: boolean): void;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`) on a free loopback port with one confidential client
 * whose redirect URI is `<parleyOrigin>/api/auth/callback/oidc`. Its development login page
 * (devInteractions) signs in any known account id with any password; consent is granted without asking (a
 * first-party provider), so a sign-in is: provider login page → back to Parley.
 */
export async function startTestIdp(
  parleyOrigin: string,
  opts: {
    name?: string;
    /** Claims for a login id no test added (a browser test's provider lives in another process). */
    accountFor?: (id: string) => IdpAccount | undefined;
  } = {},
): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "parley-test";
  const clientSecret = "parley-test-secret-which-is-long-enough-for-hs256";
  const accounts = new Map<string, IdpAccount>();
  let corrupt = false;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${parleyOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["preferred_username", "name"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["parley-test-idp-cookie-key"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id) ?? opts.accountFor?.(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // A first-party provider: the grant is given without a consent screen.
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (corrupt && ctx.path === "/token" && ctx.body?.id_token) {
      const [header, payload, signature] = String(ctx.body.id_token).split(".");
      const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
      ctx.body = { ...ctx.body, id_token: `${header}.${payload}.${flipped}` };
    }
  });

  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    clientId,
    clientSecret,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_NAME: opts.name ?? "Test ID" },
    addAccount: (id, claims) => void accounts.set(id, claims),
    corruptIdTokens: (on) => void (corrupt = on),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where a provider sign-in ended: Parley's answer to its callback, and where that sends the browser. */
export interface ProviderSignInResult {
  status: number;
  /** The Location Parley's callback answered with, as a path ("/", "/welcome", "/signin?error=…"). */
  location: string;
}

/**
 * A browser's provider sign-in, by hand: NextAuth's sign-in POST (state, PKCE and nonce cookies
 * land in `client`'s jar), the provider's login page (its own cookie jar here), then Parley's
 * callback with whatever the provider redirected to. `tamper` may change that callback URL
 * first (a forged state, another issuer).
 */
export async function signInWithIdp(
  client: import("./client").Client,
  login: string,
  opts: { tamper?: (callback: URL) => void } = {},
): Promise<ProviderSignInResult> {
  const csrf = (await client.get("/api/auth/csrf")).json.csrfToken as string;
  const start = await client.request("POST", "/api/auth/signin/oidc", undefined, {
    rawBody: new URLSearchParams({ csrfToken: csrf, callbackUrl: `${client.origin}/`, json: "true" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  if (start.status !== 200 || typeof start.json?.url !== "string") throw new Error(`sign-in start failed: ${start.status} ${start.text}`);
  const jar = new Map<string, string>();
  const idpFetch = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) jar.set(pair.slice(0, eq), value);
      else jar.delete(pair.slice(0, eq));
    }
    await res.arrayBuffer();
    return res;
  };
  let url = new URL(start.json.url);
  for (let hop = 0; url.origin !== client.origin; hop++) {
    if (hop > 10) throw new Error(`too many redirects at the provider, last ${url}`);
    let res = await idpFetch(url.href);
    if (res.status === 200 && url.pathname.startsWith("/interaction/")) {
      // The development login page: any known account id, any password.
      res = await idpFetch(url.href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
      });
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`the provider answered ${res.status} at ${url} without a redirect`);
    url = new URL(location, url);
  }
  opts.tamper?.(url);
  const res = await client.get(url.pathname + url.search);
  const location = res.headers.get("location") ?? "";
  const to = location ? new URL(location, client.origin) : null;
  return { status: res.status, location: to ? to.pathname + to.search : "" };
}
