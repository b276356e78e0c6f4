import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  SESSION_COOKIE,
  signedUpClient,
  startDatabase,
  startNode,
  type Client,
  type RunningNode,
  type TestDatabase,
} from "../harness";
import { LiveReader, range, until } from "../live-reader";
import { redisServerAvailable, startPrivateRedis, type PrivateRedis } from "../redis-server";
import { closeAllSockets, connectSocket, nextEvent, subscribe } from "../sockets";
import { parsePrometheus } from "../prometheus";
import { expectStoredExactly, health, postComment } from "./support";

const redisServer = redisServerAvailable();
if (!redisServer.ok) console.warn(`[faults] Redis outage skipped: ${redisServer.reason}`);

/**
 * Two production nodes on one database and a private Redis that the test kills and starts
 * again. While Redis is away each node keeps taking writes and serving its own sockets
 * (rate limits and presence per node); when it returns, cross-node delivery resumes.
 */
describe.skipIf(!redisServer.ok)("Redis outage", () => {
  let redis: PrivateRedis;
  let database: TestDatabase;
  let a: RunningNode;
  let b: RunningNode;
  const secret = randomBytes(32).toString("base64url");

  beforeAll(async () => {
    [redis, database] = await Promise.all([startPrivateRedis(), startDatabase()]);
    const env = { REDIS_URL: redis.url };
    [a, b] = await Promise.all([
      startNode({ databaseUrl: database.url, secret, env }),
      startNode({ databaseUrl: database.url, secret, env }),
    ]);
  });
  afterAll(async () => {
    closeAllSockets();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await database?.stop();
  });

  it("writes and local live events go on while Redis is down; nothing is lost, doubled or out of order", { timeout: 180_000 }, async () => {
    const owner = await signedUpClient(a.origin, "owner");
    const postId = (await owner.post("/api/v1/posts", { categorySlug: "general", title: "Through an outage", body: "x" })).json.post.id;
    // One session for both nodes (one secret), as behind a load balancer.
    const onA = await signedUpClient(a.origin, "writer_a");
    const onB = await signedUpClient(b.origin, "writer_b");
    const readers = [new LiveReader("reader on A", postId), new LiveReader("reader on B", postId)];
    await Promise.all([readers[0].connect(a.origin), readers[1].connect(b.origin)]);
    const forumOnB = await connectSocket(b.origin);
    await subscribe(forumOnB, "forum");

    const acknowledged = new Set<string>();
    async function write(client: Client, phase: string, n: number) {
      for (const i of range(n)) {
        const clientId = `${phase}-${client === onA ? "a" : "b"}-${i}`;
        const res = await postComment(client, postId, `${phase} ${i}`, clientId);
        expect(res.status, res.text).toBe(201);
        acknowledged.add(clientId);
      }
    }

    await Promise.all([write(onA, "before", 5), write(onB, "before", 5)]);
    await Promise.all(readers.map((r) => r.holds(10)));

    await redis.kill();
    await until(
      async () => (await health(a.origin)).redis === "down" && (await health(b.origin)).redis === "down",
      "both nodes to see Redis down",
    );
    for (const node of [a, b])
      expect(await health(node.origin)).toMatchObject({ http: 200, status: "ok", db: "ok", redis: "down", degraded: true });

    // Writes on both nodes are acknowledged; each node's readers get them live, in order
    // (what the other node wrote arrives from the database, not through Redis).
    await Promise.all([write(onA, "during", 10), write(onB, "during", 10)]);
    await Promise.all(readers.map((r) => r.holds(30)));
    // Presence answers from the node's own view.
    const member = await connectSocket(a.origin, onA);
    const presence = await createClient(a.origin).get("/api/v1/presence");
    expect(presence.status).toBe(200);
    expect(presence.json.users.map((u: { id: string }) => u.id)).toContain(onA.me.user.id);
    member.close();

    await redis.start();
    const back = Date.now();
    await until(
      async () => (await health(a.origin)).redis === "ok" && (await health(b.origin)).redis === "ok",
      "both nodes to see Redis back",
    );
    // Cross-node delivery through Redis resumes: a post created on A reaches a page on B
    // (posts have no other way between nodes). The first may go before B listens again.
    for (let k = 0; ; k++) {
      const title = `After the outage ${k}`;
      const crossed = nextEvent(forumOnB, "post:created", (p) => p.post.title === title, 1000).then(
        () => true,
        () => false,
      );
      expect((await owner.post("/api/v1/posts", { categorySlug: "general", title, body: "y" })).status).toBe(201);
      if (await crossed) break;
      expect(Date.now() - back, "cross-node delivery resumes within 5 s of Redis' return").toBeLessThan(5000);
    }
    await Promise.all([write(onA, "after", 5), write(onB, "after", 5)]);

    await Promise.all(readers.map((r) => r.holds(40)));
    for (const r of readers) {
      expect(r.problems(), r.name).toEqual([]);
      expect(r.seqs(), r.name).toEqual(range(40));
    }
    expect(await expectStoredExactly(database.url, postId, acknowledged)).toBe(40);
    // The metrics counted the outage.
    for (const node of [a, b]) {
      const { families } = parsePrometheus((await createClient(node.origin).get("/metrics")).text);
      const sample = (name: string, labels: Record<string, string> = {}) =>
        families.get(name)?.samples.find((x) => Object.entries(labels).every(([k, v]) => x.labels[k] === v))?.value;
      expect(sample("parley_redis_outages_total")).toBeGreaterThanOrEqual(1);
      expect(sample("parley_redis_down_seconds_total")).toBeGreaterThan(0);
      expect(sample("parley_redis_state", { state: "ok" })).toBe(1);
    }
  });

  it("rate limits fall back to a per-node memory limit while Redis is down", { timeout: 120_000 }, async () => {
    const strict = await startNode({ databaseUrl: database.url, secret, env: { REDIS_URL: redis.url, RATE_LIMIT_SCALE: "1" } });
    try {
      // Signed up on A (its limits are lenient); the session works on the strict node too.
      const poster = await signedUpClient(a.origin, "poster");
      const onStrict = createClient(strict.origin);
      onStrict.setCookie(SESSION_COOKIE, poster.sessionToken!);
      await redis.kill();
      await until(async () => (await health(strict.origin)).redis === "down", "the node to see Redis down");
      // LIMITS.post: 5 a minute per member.
      for (const i of range(5))
        expect((await onStrict.post("/api/v1/posts", { categorySlug: "general", title: `p${i}`, body: "b" })).status).toBe(201);
      const refused = await onStrict.post("/api/v1/posts", { categorySlug: "general", title: "p6", body: "b" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await redis.start();
      await strict.stop();
    }
  });
});
