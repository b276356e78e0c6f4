import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Everything else imports `env`.
 * Dev defaults are safe for a laptop; production refuses to start without a real secret.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("localhost"),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  ADMIN_EMAILS: z.string().default(""),
  ALLOWED_ORIGINS: z.string().default(""),
  RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  // Tools and tests that start Parley on port 0 read the real port from a "PARLEY_LISTENING <port>" line.
  PARLEY_REPORT_PORT: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PARLEY_DATA_DIR: z.string().default(".data"),
  PARLEY_SEED: z.enum(["auto", "demo", "none"]).default("auto"),
  // Socket heartbeat: a silent client is dropped after interval + timeout (~30 s by default).
  SOCKET_PING_INTERVAL_MS: z.coerce.number().int().min(200).default(20_000),
  SOCKET_PING_TIMEOUT_MS: z.coerce.number().int().min(200).default(10_000),
  // How often long-lived sockets are re-checked against the database (revoked session, ban).
  SOCKET_RECHECK_MS: z.coerce.number().int().min(200).default(60_000),
  // The database pool: its size, how long a request waits for a connection, and how long a
  // statement may run, before the request fails with 503 UNAVAILABLE.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // GET /metrics: loopback only when unset; with it, `Authorization: Bearer <token>` from anywhere.
  METRICS_TOKEN: z.string().min(16).optional(),
  // How many reverse proxies in front of Parley append to X-Forwarded-For: the client address
  // (rate limits, socket caps) is read that many hops from the right. 0: the TCP peer, header ignored.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Outgoing mail: an SMTP server (smtp://user:pass@host:587, smtps://…); unset: .eml files
  // under <PARLEY_DATA_DIR>/mail. MAIL_FROM defaults to no-reply@ the public host.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  // The forum's name in mail.
  FORUM_NAME: z.string().min(1).default("Parley"),
  // required: posting, commenting and reacting wait for a verified email; optional: a banner only.
  EMAIL_VERIFICATION: z.enum(["required", "optional"]).default("optional"),
  // How often each node looks for mail to send (it also sends at once what it queued itself).
  MAIL_POLL_MS: z.coerce.number().int().min(50).default(5000),
  // The shared read model (posts, first comment pages, lists; server/readmodel): its memory
  // budget in MB (0 turns it off) and how long an entry may live without an event dropping it.
  READ_CACHE_MB: z.coerce.number().min(0).default(64),
  READ_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).default(30_000),
  // Sign-in with an OpenID Connect provider (its issuer URL, this site's client there, the
  // button's label) and with GitHub. Each appears on the sign-in page only when configured.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).default("OpenID Connect"),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  // Notification mail: an unread notification is mailed once it is this old (and its member
  // is not online); each node looks this often.
  NOTIFY_MAIL_DELAY_MS: z.coerce.number().int().min(0).default(10 * 60_000),
  NOTIFY_MAIL_POLL_MS: z.coerce.number().int().min(50).default(60_000),
  // Uploads (avatars): an S3-compatible bucket when S3_BUCKET is set; else <PARLEY_DATA_DIR>/uploads.
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  // `next build` evaluates route modules with NODE_ENV=production but serves nothing.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (production && e.PARLEY_SEED === "demo") {
    throw new Error("PARLEY_SEED=demo creates accounts with known passwords and is refused in production.");
  }
  if (production && !e.NEXTAUTH_SECRET && !building) {
    throw new Error("NEXTAUTH_SECRET is required in production (32+ random bytes, e.g. `openssl rand -base64 32`).");
  }
  // Sessions are encrypted with a key derived from the secret: a short one can be guessed offline.
  if (production && !building && e.NEXTAUTH_SECRET && e.NEXTAUTH_SECRET.length < 32) {
    throw new Error("NEXTAUTH_SECRET must be at least 32 characters in production (e.g. `openssl rand -base64 32`).");
  }
  // Half a provider's settings is a mistake, not "off": say so at start rather than hide the button.
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3) throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together or not at all.");
  if (Boolean(e.GITHUB_ID) !== Boolean(e.GITHUB_SECRET)) throw new Error("GITHUB_ID and GITHUB_SECRET are set together or not at all.");
  const secret = e.NEXTAUTH_SECRET ?? (process.env.NEXTAUTH_SECRET = building ? "build-time-placeholder" : devSecret(e.PARLEY_DATA_DIR));
  const publicUrl = e.NEXTAUTH_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`;
  const origin = new URL(publicUrl).origin;
  const extra = e.ALLOWED_ORIGINS.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ...e,
    production,
    secret,
    publicUrl,
    origin,
    allowedOrigins: new Set([origin, ...extra.map((o) => new URL(o).origin)]),
    adminEmails: new Set(
      e.ADMIN_EMAILS.split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
    secureCookies: publicUrl.startsWith("https://"),
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { issuer: e.OIDC_ISSUER.replace(/\/+$/, ""), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
      : null,
    github: e.GITHUB_ID && e.GITHUB_SECRET ? { clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET } : null,
    mailFrom: e.MAIL_FROM ?? `${e.FORUM_NAME} <no-reply@${new URL(publicUrl).hostname}>`,
  };
}

/** A random secret made once per install and kept in the data dir, so dev sessions survive restarts. */
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, "dev-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export const env = load();
export type Env = typeof env;
