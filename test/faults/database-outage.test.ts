import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, signedUpClient, startNode, type Client, type RunningNode } from "../harness";
import { expectError } from "../expect";
import { LiveReader, range, until } from "../live-reader";
import { startStoppableDatabase, type StoppableDatabase } from "../stoppable-database";
import { closeAllSockets, connectSocket } from "../sockets";
import { expectStoredExactly, health, postComment } from "./support";

/**
 * A production node whose PostgreSQL goes away (shut down, then frozen) and comes back. A
 * request that cannot reach the database is a dependency outage, not an internal error:
 * 503 UNAVAILABLE with Retry-After; health turns 503; afterwards writes resume and a write
 * retried with its clientId is stored once.
 */
describe("database outage", () => {
  let database: StoppableDatabase;
  let node: RunningNode;

  beforeAll(async () => {
    database = await startStoppableDatabase();
    // Short pool timeouts keep the frozen-database case quick.
    node = await startNode({
      databaseUrl: database.url,
      env: { DATABASE_CONNECT_TIMEOUT_MS: "1000", DATABASE_STATEMENT_TIMEOUT_MS: "2000" },
    });
  });
  afterAll(async () => {
    closeAllSockets();
    await node?.stop();
    await database?.stop();
  });

  let writer: Client;
  let postId: string;
  let reader: LiveReader;
  const acknowledged = new Set<string>();

  async function write(clientId: string) {
    const res = await postComment(writer, postId, `comment ${clientId}`, clientId);
    if (res.status === 200 || res.status === 201) acknowledged.add(clientId);
    return res;
  }

  it("answers 503 UNAVAILABLE with Retry-After while the database is down, and takes writes again within 5 s", async () => {
    writer = await signedUpClient(node.origin, "writer");
    postId = (await writer.post("/api/v1/posts", { categorySlug: "general", title: "Through a database outage", body: "x" })).json.post.id;
    reader = new LiveReader("reader", postId);
    await reader.connect(node.origin);
    for (const i of range(5)) expect((await write(`before-${i}`)).status).toBe(201);
    await reader.holds(5);

    await database.pause();
    const refused = await write("during-1");
    expectError(refused, 503, "UNAVAILABLE");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await createClient(node.origin).get(`/api/v1/posts/${postId}/comments`), 503, "UNAVAILABLE");
    expectError(await writer.get("/api/v1/me"), 503, "UNAVAILABLE");
    expect(await health(node.origin)).toMatchObject({ http: 503, status: "unavailable", db: "unreachable", degraded: true });
    // The socket edge maps it the same way.
    const socket = await connectSocket(node.origin);
    const ack = await socket.timeout(10_000).emitWithAck("subscribe", { room: `post:${postId}` });
    expect(ack).toMatchObject({ ok: false, error: { code: "UNAVAILABLE" } });

    await database.resume();
    const back = Date.now();
    // The client retries the same comment (same clientId) until it lands.
    let res = await write("during-1");
    while (res.status === 503) {
      expect(Date.now() - back, "writes resume within 5 s of the database's return").toBeLessThan(5000);
      res = await write("during-1");
    }
    expect(res.status, res.text).toBe(201);
    const again = await write("during-1");
    expect(again.status).toBe(200);
    expect(again.json.comment.id).toBe(res.json.comment.id);
    for (const i of range(4)) expect((await write(`after-${i}`)).status).toBe(201);

    await reader.holds(10);
    expect(reader.problems()).toEqual([]);
    expect(reader.seqs()).toEqual(range(10));
  });

  it("a frozen database (connections hang) answers 503 within the pool's timeouts, then recovers", async () => {
    database.freeze();
    try {
      const res = await write("frozen-1");
      expectError(res, 503, "UNAVAILABLE");
      expect((await health(node.origin)).http).toBe(503);
    } finally {
      database.thaw();
    }
    await until(async () => (await health(node.origin)).http === 200, "health to recover");
    const res = await write("frozen-1");
    expect([200, 201]).toContain(res.status);
    await reader.holds(11);
    expect(reader.problems()).toEqual([]);
    expect(reader.seqs()).toEqual(range(11));
    expect(await expectStoredExactly(database.url, postId, acknowledged)).toBe(11);
  });
});
