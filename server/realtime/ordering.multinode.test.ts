import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { signedUpClient, startNode, type Client, type RunningNode } from "@/test/harness";
import { LiveReader, range, until } from "@/test/live-reader";
import { redisServerAvailable, startPrivateRedis, type PrivateRedis } from "@/test/redis-server";
import { closeAllSockets } from "@/test/sockets";

const server = useServer();
const redisServer = redisServerAvailable();
if (!redisServer.ok) console.warn(`[ordering] skipped: ${redisServer.reason}`);

/** Each writer posts `perWriter` comments one after another, all writers at once. */
async function writeStorm(postId: string, writers: Client[], perWriter: number) {
  await Promise.all(
    writers.map(async (w, i) => {
      for (let n = 0; n < perWriter; n++) {
        const res = await w.post(`/api/v1/posts/${postId}/comments`, { body: `writer ${i} comment ${n}`, clientId: `w${i}-c${n}` });
        expect(res.status, res.text).toBe(201);
      }
    }),
  );
}

/**
 * The contract's "Order": on every node, one post's comment:created events reach a subscriber
 * in seq order with no holes, whichever node each comment was written on. Two production
 * nodes share one database and a private Redis; writers and readers are on both.
 */
describe.skipIf(!redisServer.ok)("comment order across nodes", () => {
  let redis: PrivateRedis;
  let a: RunningNode;
  let b: RunningNode;
  // One secret for both nodes, as behind a load balancer: a session works on either.
  const secret = randomBytes(32).toString("base64url");

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url };
    [a, b] = await Promise.all([
      startNode({ databaseUrl: server.databaseUrl, secret, env }),
      startNode({ databaseUrl: server.databaseUrl, secret, env }),
    ]);
  });
  afterAll(async () => {
    closeAllSockets();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it("every reader, on either node and across reconnects, sees seq 1..200 live in order with no holes", { timeout: 180_000 }, async () => {
    const owner = await signedUpClient(a.origin, "owner");
    const postId = (await owner.post("/api/v1/posts", { categorySlug: "general", title: "Ordered across nodes", body: "x" })).json.post.id;
    const staff = await signedUpClient(b.origin, "mod");
    await server.db.setRole(staff.me.user.id, "MODERATOR");
    const writers = await Promise.all(range(10).map((i) => signedUpClient(i % 2 ? a.origin : b.origin, "writer")));

    const readers = [
      new LiveReader("public on A", postId),
      new LiveReader("public on B", postId),
      new LiveReader("staff on A", postId, staff),
      new LiveReader("staff on B", postId, staff),
    ];
    const movers = [
      { reader: new LiveReader("mover A→B", postId), from: a, to: b },
      { reader: new LiveReader("mover B→A", postId), from: b, to: a },
      { reader: new LiveReader("mover A→A", postId), from: a, to: a },
      { reader: new LiveReader("staff mover B→A", postId, staff), from: b, to: a },
    ];
    await Promise.all([
      ...readers.map((r, i) => r.connect(i % 2 ? b.origin : a.origin)),
      ...movers.map((m) => m.reader.connect(m.from.origin)),
    ]);

    let stormDone = false;
    const storm = writeStorm(postId, writers, 20).finally(() => (stormDone = true));
    // Each mover drops its connection after some live events and comes back (maybe elsewhere).
    const moved = movers.map(async (m, i) => {
      const seen = 15 + 20 * i;
      await until(() => m.reader.liveCount() >= seen || stormDone, `${m.reader.name} to see ${seen} live comments`, 120_000);
      m.reader.drop();
      await m.reader.connect(m.to.origin);
    });
    await Promise.all([storm, ...moved]);

    const all = [...readers, ...movers.map((m) => m.reader)];
    await Promise.all(all.map((r) => r.holds(200)));
    for (const r of all) {
      expect(r.problems(), r.name).toEqual([]);
      expect(r.seqs(), r.name).toEqual(range(200));
    }
    for (const m of movers) expect(m.reader.segments.length).toBe(2);
    // Staff and public variants: only staff learn that `hidden` exists.
    for (const r of all) {
      const sample = [...r.byId.values()][0];
      if (r.as === staff) expect(sample).toHaveProperty("hidden", false);
      else expect(sample).not.toHaveProperty("hidden");
    }
  });
});
