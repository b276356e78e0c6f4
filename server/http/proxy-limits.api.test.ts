import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, startNode, type RunningNode } from "@/test/harness";
import { closeAllSockets, connectSocket, handshakeOutcome } from "@/test/sockets";
import { SOCKET_CAPS } from "@/server/realtime/caps";

/**
 * Issue #10, limits that hold behind a proxy: two nodes with the real limits on the shared
 * database, one trusting one proxy hop (TRUST_PROXY=1), one trusting none (the default), and
 * served as https in production (HSTS).
 */
const server = useServer();
let proxied: RunningNode;
let direct: RunningNode;
beforeAll(async () => {
  [proxied, direct] = await Promise.all([
    startNode({ databaseUrl: server.databaseUrl, secret: server.secret, env: { RATE_LIMIT_SCALE: "1", TRUST_PROXY: "1" } }),
    startNode({ databaseUrl: server.databaseUrl, secret: server.secret, env: { RATE_LIMIT_SCALE: "1" } }),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await Promise.all([proxied?.stop(), direct?.stop()]);
});

let n = 0;
const email = () => `nobody-${process.pid}-${n++}@limits.test`;
/** A sign-in attempt as NextAuth's form posts it (no CSRF needed: attempts are counted first). */
const attempt = (node: RunningNode, from: string | null, who = email()) =>
  createClient(node.origin).request("POST", "/api/auth/callback/credentials", undefined, {
    rawBody: new URLSearchParams({ email: who, password: "wrong password", json: "true" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...(from ? { "x-forwarded-for": from } : {}) },
  });

describe("sign-in limits", () => {
  it("per client address behind TRUST_PROXY=1: the 7th attempt in a minute gets 429 with Retry-After; another address does not share the bucket", async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(proxied, "198.51.100.1")).status).not.toBe(429);
    const limited = await attempt(proxied, "198.51.100.1");
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(new URL(limited.json.url).searchParams.get("error")).toMatch(/^RateLimited:\d+$/);
    expect((await attempt(proxied, "198.51.100.2")).status).not.toBe(429);
  });

  it("without TRUST_PROXY a forged X-Forwarded-For changes nothing", async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(direct, `203.0.113.${i}`)).status).not.toBe(429);
    expect((await attempt(direct, "203.0.113.200")).status).toBe(429);
  });

  it("per account, whatever the address: the 6th attempt on one email in a minute gets 429", async () => {
    const who = email();
    for (let i = 0; i < 5; i++) expect((await attempt(proxied, `192.0.2.${i + 1}`, who)).status).not.toBe(429);
    expect((await attempt(proxied, "192.0.2.99", who)).status).toBe(429);
    expect((await attempt(proxied, "192.0.2.99")).status).not.toBe(429);
  });
});

describe("/api/auth/* bodies", () => {
  it("a 1 MB body is refused with 413 before anything reads it", async () => {
    const big = "a".repeat(1024 * 1024);
    const res = await createClient(proxied.origin)
      .request("POST", "/api/auth/callback/credentials", undefined, {
        rawBody: `email=x%40y.z&password=${big}`,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.200" },
      })
      .catch((err: Error) => ({ status: 0, json: undefined, error: err }));
    // The server answers at once and closes: a client may see the 413 or the closed socket.
    if (res.status !== 0) {
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe("PAYLOAD_TOO_LARGE");
    }
    // And the node is fine afterwards.
    expect((await createClient(proxied.origin).get("/api/health")).status).toBe(200);
  });
});

describe("socket caps", () => {
  it(`at most ${SOCKET_CAPS.perGuestAddress} visitor sockets per address (behind the proxy, per forwarded address)`, async () => {
    const opts = (from: string) => ({ headers: { "x-forwarded-for": from } });
    for (let i = 0; i < SOCKET_CAPS.perGuestAddress; i++) await connectSocket(proxied.origin, null, opts("198.51.100.77"));
    expect(await handshakeOutcome(proxied.origin, null, opts("198.51.100.77"))).toBe("rate_limited");
    expect(await handshakeOutcome(proxied.origin, null, opts("198.51.100.78"))).toBe("connected");
  });

  it(`at most ${SOCKET_CAPS.perMember} sockets per member`, async () => {
    // Signed up on the shared node (same secret): this node's sign-in budget is spent above.
    const member = await server.member("sockets");
    for (let i = 0; i < SOCKET_CAPS.perMember; i++) await connectSocket(direct.origin, member);
    expect(await handshakeOutcome(direct.origin, member)).toBe("rate_limited");
  });
});

describe("security headers", () => {
  it("pages carry a CSP with base-uri 'none', form-action 'self' and object-src 'none'", async () => {
    const csp = (await server.anonymous().get("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/img-src[^;]*https:/);
  });

  it("Socket.IO's own responses carry them too", async () => {
    const res = await fetch(`${server.origin}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
