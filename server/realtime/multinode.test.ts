import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../testing/context";
import { createClient, signedUpClient, startNode, type RunningNode } from "../testing/harness";
import { testRedisUrl } from "../testing/redis";
import { closeAllSockets, connectSocket, nextEvent, subscribe } from "../testing/sockets";

const server = useServer();
const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[multinode] skipped: ${redis.reason}`);

/** Two production nodes sharing one Postgres and one Redis behave as one forum. */
describe.skipIf(!redis.url)("multi-node through Redis", () => {
  let a: RunningNode;
  let b: RunningNode;
  beforeAll(async () => {
    const env = { REDIS_URL: redis.url! };
    [a, b] = await Promise.all([startNode({ databaseUrl: server.databaseUrl, env }), startNode({ databaseUrl: server.databaseUrl, env })]);
  });
  afterAll(async () => {
    closeAllSockets();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("delivers a comment posted through node B to a client on node A", async () => {
    const alice = await signedUpClient(b.origin, "alice");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Across nodes", body: "x" });
    const onA = await connectSocket(a.origin);
    await subscribe(onA, `post:${json.post.id}`);
    const forumOnA = await connectSocket(a.origin);
    await subscribe(forumOnA, "forum");

    const created = nextEvent(onA, "comment:created");
    const res = await alice.post(`/api/v1/posts/${json.post.id}/comments`, { body: "from B" });
    expect(res.status).toBe(201);
    expect((await created).comment).toMatchObject({ id: res.json.comment.id, seq: 1 });

    const post = nextEvent(forumOnA, "post:created", (p) => p.post.title === "Posted on B");
    await alice.post("/api/v1/posts", { categorySlug: "general", title: "Posted on B", body: "y" });
    await post;
  });

  it("counts members on both nodes in presence, from either node", async () => {
    const onA = await signedUpClient(a.origin, "ona");
    const onB = await signedUpClient(b.origin, "onb");
    const watcher = await connectSocket(a.origin);
    await subscribe(watcher, "forum");
    const bJoined = nextEvent(watcher, "presence", (p) => "type" in p && p.type === "join" && p.user.id === onB.me.user.id);
    await connectSocket(a.origin, onA);
    await connectSocket(b.origin, onB);
    await bJoined;
    for (const node of [a, b]) {
      const { json } = await createClient(node.origin).get("/api/v1/presence");
      const ids = json.users.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([onA.me.user.id, onB.me.user.id]));
      expect(json.count).toBe(json.users.length);
    }
  });
});
