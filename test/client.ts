import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";

/** The session cookie NextAuth sets over plain HTTP (the test nodes' origin). */
export const SESSION_COOKIE = "next-auth.session-token";
/** Its name over HTTPS (NEXTAUTH_URL=https://…, as behind the deploy test's nginx). */
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
export const TEST_PASSWORD = "correct horse battery staple";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when there is none or it is not JSON. */
  json: T;
  text: string;
}

export interface RequestOptions {
  /** The Origin header to send; default: the server's own origin; null: none at all. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** A body sent exactly as given (for malformed or oversized bodies); `body` is ignored. */
  rawBody?: string | Uint8Array;
}

export interface SignedUp {
  user: { id: string; username: string; role: "MEMBER" | "MODERATOR" | "ADMIN" };
  email: string;
  password: string;
}

/** A unique, valid username (3–32 of [A-Za-z0-9_-]) starting with `prefix`. */
export function uniqueName(prefix = "user"): string {
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
}

/** One browser-like visitor: a cookie jar plus helpers for Parley's API and NextAuth sign-in. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE) ?? this.cookies.get(SECURE_SESSION_COOKIE);
  }

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private absorb(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Any HTTP request to the server, with this client's cookies; JSON in and out. */
  async request<T = any>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    const origin = opts.origin === undefined ? this.origin : opts.origin;
    if (origin !== null) headers.origin = origin;
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let payload: string | Uint8Array | undefined = opts.rawBody;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    Object.assign(headers, opts.headers);
    const res = await fetch(this.origin + path, { method, headers, body: payload as BodyInit | undefined, redirect: "manual" });
    this.absorb(res.headers);
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  get = <T = any>(path: string, opts?: RequestOptions) => this.request<T>("GET", path, undefined, opts);
  post = <T = any>(path: string, body?: unknown, opts?: RequestOptions) => this.request<T>("POST", path, body, opts);
  patch = <T = any>(path: string, body?: unknown, opts?: RequestOptions) => this.request<T>("PATCH", path, body, opts);
  put = <T = any>(path: string, body?: unknown, opts?: RequestOptions) => this.request<T>("PUT", path, body, opts);
  delete = <T = any>(path: string, opts?: RequestOptions) => this.request<T>("DELETE", path, undefined, opts);

  /** POST /api/v1/auth/register; throws unless 201. */
  async register(input: { email: string; username: string; password: string }): Promise<SignedUp["user"]> {
    const res = await this.post("/api/v1/auth/register", input);
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
    return res.json.user;
  }

  /**
   * Signs in through NextAuth's credentials provider, as the sign-in form does. Resolves to
   * true when a session cookie was issued, false when the credentials were refused.
   */
  async trySignIn(email: string, password: string): Promise<{ ok: boolean; status: number; body: any }> {
    this.cookies.delete(SESSION_COOKIE);
    this.cookies.delete(SECURE_SESSION_COOKIE);
    const csrf = await this.get("/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.json.csrfToken, email, password, json: "true" });
    const res = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() ?? "", origin: this.origin },
      body: form.toString(),
      redirect: "manual",
    });
    this.absorb(res.headers);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { ok: Boolean(this.sessionToken), status: res.status, body };
  }

  /** Signs in; throws when no session cookie comes back. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await this.trySignIn(email, password);
    if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Registers a new member with a unique email (and username, unless given) and signs in. */
  async signUp(username = uniqueName(), opts: { email?: string; password?: string } = {}): Promise<SignedUp> {
    const email = opts.email ?? `${username.toLowerCase()}-${randomBytes(3).toString("hex")}@members.parley.test`;
    const password = opts.password ?? TEST_PASSWORD;
    const user = await this.register({ email, username, password });
    await this.signIn(email, password);
    return { user, email, password };
  }
}

export function createClient(origin: string): Client {
  return new Client(origin);
}

/** A new client signed in as a fresh member. */
export async function signedUpClient(origin: string, prefix = "member"): Promise<Client & { me: SignedUp }> {
  const client = createClient(origin) as Client & { me: SignedUp };
  client.me = await client.signUp(uniqueName(prefix));
  return client;
}

/**
 * A NextAuth session token minted with `secret`, as NextAuth would issue it: for forged
 * (wrong secret), expired (negative maxAge) or stale (old `sv`) sessions in tests. A token
 * is only accepted with the id (`sid`) of a live Session row (directDb.createSession).
 */
export async function mintSessionToken(
  secret: string,
  claims: { sub: string; sv: number; sid?: string; username?: string; role?: "MEMBER" | "MODERATOR" | "ADMIN" },
  maxAgeSeconds = 3600,
): Promise<string> {
  return encode({ secret, token: { ...claims, name: claims.username }, maxAge: maxAgeSeconds });
}
