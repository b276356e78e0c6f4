import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { directDb, signedUpClient, uniqueName, SECURE_SESSION_COOKIE } from "../harness";
import { readMigrations } from "../../server/db/migrate";
import { range, until } from "../live-reader";
import type { TestSocket } from "../sockets";
import { requestFrom, RATE_LIMIT_SCALE, servedBy, socketsOn, startTopology, stickyCookieFor, type Topology } from "./topology";
import { drain } from "./drain";

const skip = inject("deploySkip");
if (skip) console.warn(`[deploy] skipped: ${skip}`);

const HSTS = /^max-age=63072000; includeSubDomains$/;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The production topology, run for real and driven through nginx only: HTTPS with a throwaway
 * certificate, two nodes behind the shipped deploy/nginx.conf, Redis between them. The nodes'
 * own ports are read for their metrics alone (who served what), as Prometheus would.
 */
describe.skipIf(Boolean(skip))("deploy: nginx, TLS and two nodes", () => {
  let t: Topology;
  let origin: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    t = await startTopology({ dir: inject("deployDir"), certificate: inject("certificate"), key: inject("certificateKey") });
    origin = t.proxy.origin;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("two nodes started at the same moment against an empty database applied each migration once", async () => {
    const db = directDb(t.database.url);
    try {
      const { rows } = await db.query<{ migration_name: string; finished: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, finished: true })));
    } finally {
      await db.close();
    }
  });

  it("HTTPS only: http:// redirects, HSTS on every answer, /metrics not exposed, bodies limited", async () => {
    const redirect = await fetch(`${t.proxy.httpOrigin}/p/some-post?tab=1`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe(`${origin}/p/some-post?tab=1`);

    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const api = await fetch(`${origin}/api/health`);
    const poll = await fetch(`${origin}/socket.io/?EIO=4&transport=polling`);
    const script = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(script, "the page links its scripts").toBeTruthy();
    const asset = await fetch(`${origin}${script}`, { headers: { "accept-encoding": "gzip" } });
    for (const res of [page, api, poll, asset]) {
      expect(res.headers.get("strict-transport-security"), res.url).toMatch(HSTS);
    }
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-encoding")).toBe("gzip");

    // Prometheus scrapes nodes directly; through the proxy there is nothing.
    const metrics = await fetch(`${origin}/metrics`);
    expect(metrics.status).toBe(404);
    expect(metrics.headers.get("strict-transport-security")).toMatch(HSTS);

    // Just over Parley's 64 KB: Parley's own answer, in the contract's error shape.
    const body = (kb: number) => JSON.stringify({ categorySlug: "general", title: "big", body: "x".repeat(kb * 1024) });
    const over = await fetch(`${origin}/api/v1/posts`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: body(70),
    });
    expect(over.status).toBe(413);
    expect((await over.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Far over it: nginx refuses before any node reads a byte.
    const far = await fetch(`${origin}/api/v1/posts`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: body(400),
    });
    expect(far.status).toBe(413);
    expect(far.headers.get("content-type")).toMatch(/text\/html/);
  });

  it(
    "in Chromium: register, sign in with a __Secure- cookie, post, comment, seen live by a browser on the other node",
    { timeout: 180_000 },
    async () => {
      const [pinA, pinB] = [await stickyCookieFor(origin, t.nodes, 0), await stickyCookieFor(origin, t.nodes, 1)];
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const pinned = async (pin: string) => {
        const context = await browser!.newContext({ ignoreHTTPSErrors: true, baseURL: origin });
        await context.addCookies([{ name: "parley_node", value: pin, url: origin, secure: true, httpOnly: true, sameSite: "Lax" }]);
        return context;
      };

      const contextA = await pinned(pinA);
      const a = await contextA.newPage();
      const websockets: string[] = [];
      a.on("websocket", (ws) => websockets.push(ws.url()));
      const username = uniqueName("deployed");
      const email = `${username}@example.test`;
      const password = "a long enough password";
      await a.goto("/register");
      await a.getByLabel("Email").fill(email);
      await a.getByLabel("Username").fill(username);
      await a.getByLabel("Password").fill(password);
      await a.getByRole("button", { name: /create account|register|sign up/i }).click();
      if (
        await a
          .getByRole("button", { name: "Sign in" })
          .isVisible()
          .catch(() => false)
      ) {
        await a.getByLabel("Email").fill(email);
        await a.getByLabel("Password").fill(password);
        await a.getByRole("button", { name: "Sign in" }).click();
      }
      await a.getByRole("button", { name: "Sign out" }).waitFor();
      const cookies = await contextA.cookies();
      expect(cookies.find((c) => c.name === SECURE_SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
      expect(cookies.map((c) => c.name)).not.toContain("next-auth.session-token");

      await a.goto("/new?category=general");
      const title = `Through the proxy ${Date.now()}`;
      await a.getByLabel("Title").fill(title);
      await a.getByLabel("Body").fill("Posted over **HTTPS**.");
      await a.getByRole("button", { name: /^(post|publish|create)/i }).click();
      await a.getByRole("heading", { name: title }).waitFor();
      const postId = new URL(a.url()).pathname.split("/").pop()!;

      // B: another member, signed in over the API through the proxy, in a browser on the other node.
      const bob = await signedUpClient(origin, "watcher");
      const contextB = await pinned(pinB);
      await contextB.addCookies([
        { name: SECURE_SESSION_COOKIE, value: bob.sessionToken!, url: origin, secure: true, httpOnly: true, sameSite: "Lax" },
      ]);
      const b = await contextB.newPage();
      await b.goto(`/p/${postId}`);
      const inRoom = `post:${postId}`;
      for (const page of [a, b])
        await page.waitForFunction((r) => (document.documentElement.dataset.rooms ?? "").split(" ").includes(r), inRoom, {
          timeout: 20_000,
        });
      // One member socket on each node: the two browsers really are on different nodes (A's
      // sockets from earlier pages may take a moment to be gone).
      await until(async () => (await socketsOn(t.nodes, "member")).join() === "1,1", "one member socket on each node");

      await a.getByLabel("Your comment").fill("Hello from the other node");
      await a.getByRole("button", { name: "Comment", exact: true }).click();
      await b.getByTestId("comment").filter({ hasText: "Hello from the other node" }).waitFor({ timeout: 15_000 });
      expect(await b.getByTestId("comment").filter({ hasText: "Hello from the other node" }).count()).toBe(1);
      expect(
        websockets.some((u) => u.startsWith(`wss://127.0.0.1:${new URL(origin).port}/socket.io/`)),
        websockets.join(" "),
      ).toBe(true);
      await contextA.close();
      await contextB.close();
      await noSockets(t);
    },
  );

  it("sockets over wss:// and over long-polling alone, each poller kept on one node for 30 s", { timeout: 90_000 }, async () => {
    const ws = connect(origin, ["websocket"]);
    await onceConnected(ws);
    expect(ws.io.engine.transport.name).toBe("websocket");
    ws.close();
    await noSockets(t);

    const writer = await signedUpClient(origin, "poller");
    const postId = (await writer.post("/api/v1/posts", { categorySlug: "general", title: "Polled", body: "x" })).json.post.id as string;
    // One poller with no cookie (hashed by address), one pinned by cookie to the other node.
    const byAddress = await servedBy(origin, t.nodes);
    const other = await stickyCookieFor(origin, t.nodes, 1 - byAddress);
    const pollers = [connect(origin, ["polling"]), connect(origin, ["polling"], `parley_node=${other}`)];
    await Promise.all(pollers.map(onceConnected));
    const ids = pollers.map((p) => p.id);
    const dropped: string[] = [];
    const seen: number[][] = [[], []];
    pollers.forEach((p, i) => {
      p.on("disconnect", (reason) => dropped.push(`${i}: ${reason}`));
      p.on("comment:created", ({ comment }) => void seen[i].push(comment.seq));
    });
    for (const p of pollers) expect((await p.timeout(5000).emitWithAck("subscribe", { room: `post:${postId}` })).ok).toBe(true);
    expect(await socketsOn(t.nodes, "guest")).toEqual([1, 1]);

    // 30 s of traffic both ways: comments down to the pollers, acknowledged requests up.
    const started = Date.now();
    let sent = 0;
    while (Date.now() - started < 30_000) {
      expect((await writer.post(`/api/v1/posts/${postId}/comments`, { body: `poll ${++sent}` })).status).toBe(201);
      await until(() => seen.every((s) => s.length === sent), `both pollers to get comment ${sent}`, 10_000);
      for (const p of pollers)
        expect((await p.timeout(5000).emitWithAck("unsubscribe", { room: "post:00000000-0000-4000-8000-000000000000" })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 400)); // pacing, under the comment rate limit
    }
    expect(dropped).toEqual([]);
    expect(pollers.map((p) => p.id)).toEqual(ids);
    expect(pollers.map((p) => p.io.engine.transport.name)).toEqual(["polling", "polling"]);
    expect(await socketsOn(t.nodes, "guest"), "still one poller on each node").toEqual([1, 1]);
    for (const s of seen) expect(s).toEqual(range(sent));
    for (const p of pollers) p.close();
    await noSockets(t);
  });

  it("a forged X-Forwarded-For does not change the address Parley rate-limits by", async () => {
    // Registrations: 5 × RATE_LIMIT_SCALE an hour per client address, counted before the body is
    // parsed. Every request below claims to come from somewhere else.
    const register = (from: string, headers: Record<string, string> = {}) =>
      requestFrom(from, `${origin}/api/v1/auth/register`, {
        method: "POST",
        headers: { origin, "content-type": "application/json", ...headers },
        body: "{}",
      });
    const limit = 5 * RATE_LIMIT_SCALE;
    for (const i of range(limit)) {
      const res = await register("127.0.0.3", {
        "x-forwarded-for": `203.0.113.${i}`,
        "x-real-ip": `198.51.100.${i}`,
        forwarded: `for=192.0.2.${i}`,
      });
      expect(res.status, res.text).toBe(400);
    }
    expect((await register("127.0.0.3", { "x-forwarded-for": "203.0.113.250" })).status).toBe(429);
    expect((await register("127.0.0.3")).status).toBe(429);
    // Another client is not limited: Parley keys on the address nginx saw (X-Forwarded-For,
    // TRUST_PROXY=1), not on nginx's own address, which is 127.0.0.1 for every request.
    expect((await register("127.0.0.4", { "x-forwarded-for": "127.0.0.3" })).status).toBe(400);
  });

  it(
    "draining a node with SIGTERM: sockets move over, no acknowledged comment lost or doubled, readers exact",
    { timeout: 180_000 },
    async () => {
      await drain(t);
    },
  );
});

/** Waits until no socket is connected to either node, so the next test counts from zero. */
async function noSockets(t: Topology) {
  await until(async () => {
    const counts = [...(await socketsOn(t.nodes, "member")), ...(await socketsOn(t.nodes, "guest"))];
    return counts.every((n) => n === 0);
  }, "every socket to be gone");
}

function connect(url: string, transports: ("websocket" | "polling")[], cookie?: string): TestSocket {
  return io(url, { path: "/socket.io", transports, reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
}

function onceConnected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}
