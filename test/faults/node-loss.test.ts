import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, signedUpClient, startDatabase, startNode, type Client, type RunningNode, type TestDatabase } from "../harness";
import { LiveReader, range, until } from "../live-reader";
import { redisServerAvailable, startPrivateRedis, type PrivateRedis } from "../redis-server";
import { closeAllSockets } from "../sockets";
import { expectStoredExactly, postComment } from "./support";

const redisServer = redisServerAvailable();
if (!redisServer.ok) console.warn(`[faults] node loss skipped: ${redisServer.reason}`);

/**
 * Two nodes behind a "load balancer" (the test clients know both URLs and switch when one
 * stops answering). One node is killed with SIGKILL in the middle of a write storm: its
 * readers reconnect to the other and catch up exactly, and a write whose answer was lost is
 * retried there with its clientId and stored once.
 */
describe.skipIf(!redisServer.ok)("node loss", () => {
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

  it("survives SIGKILL of one of two nodes mid-write", { timeout: 180_000 }, async () => {
    const owner = await signedUpClient(b.origin, "owner");
    const postId = (await owner.post("/api/v1/posts", { categorySlug: "general", title: "A node dies", body: "x" })).json.post.id;
    const writers = await Promise.all(range(6).map((i) => signedUpClient(i % 2 ? a.origin : b.origin, "writer")));
    const readers = [
      new LiveReader("reader 1 on A", postId),
      new LiveReader("reader 2 on A", postId),
      new LiveReader("reader on B", postId),
    ];
    await Promise.all([readers[0].connect(a.origin), readers[1].connect(a.origin), readers[2].connect(b.origin)]);
    // Readers on A move to B when A goes: the other URL behind the balancer.
    const moved = readers
      .slice(0, 2)
      .map((r) => new Promise<void>((resolve, reject) => r.socket!.once("disconnect", () => r.connect(b.origin).then(resolve, reject))));

    const acknowledged = new Set<string>();
    let retriedElsewhere = 0;
    const perWriter = 15;
    /** Writes through its node; when the node does not answer, the same clientId goes to the other one. */
    async function writeAll(client: Client, index: number) {
      const other = createOn(client.origin === a.origin ? b.origin : a.origin, client);
      let current = client;
      for (const n of range(perWriter)) {
        const clientId = `w${index}-c${n}`;
        let res = await postComment(current, postId, `writer ${index} comment ${n}`, clientId);
        if (res.status === 0) {
          current = other;
          retriedElsewhere++;
          res = await postComment(current, postId, `writer ${index} comment ${n}`, clientId);
        }
        expect([200, 201], res.text).toContain(res.status);
        acknowledged.add(clientId);
      }
    }
    const storm = Promise.all(writers.map(writeAll));
    await until(() => acknowledged.size >= 30, "30 acknowledged writes before the kill", 120_000);
    await a.kill();
    await storm;
    await Promise.all(moved);

    const total = writers.length * perWriter;
    expect(retriedElsewhere, "writers on A moved to B").toBeGreaterThan(0);
    await Promise.all(readers.map((r) => r.holds(total)));
    for (const r of readers) {
      expect(r.problems(), r.name).toEqual([]);
      expect(r.seqs(), r.name).toEqual(range(total));
    }
    for (const r of readers.slice(0, 2)) expect(r.segments.map((s) => s.origin)).toEqual([a.origin, b.origin]);
    expect(await expectStoredExactly(database.url, postId, acknowledged)).toBe(total);
  });
});

/** The same session, talking to another node. */
function createOn(origin: string, client: Client): Client {
  const other = createClient(origin);
  for (const [k, v] of client.cookies) other.setCookie(k, v);
  return other;
}
