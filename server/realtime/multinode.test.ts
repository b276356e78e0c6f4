import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, signedUpClient } from "@/test/harness";
import { useTwoNodes } from "@/test/cluster";
import { testRedisUrl } from "@/test/redis";
import { connectSocket, nextEvent, subscribe } from "@/test/sockets";

const server = useServer();
const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[multinode] skipped: ${redis.reason}`);

/** Two production nodes sharing one Postgres and one Redis behave as one forum. */
describe.skipIf(!redis.url)("multi-node through Redis", () => {
  const nodes = useTwoNodes(server.databaseUrl, redis.url!);

  it("delivers a comment posted through node B to a client on node A", async () => {
    const alice = await signedUpClient(nodes.b.origin, "alice");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Across nodes", body: "x" });
    const onA = await connectSocket(nodes.a.origin);
    await subscribe(onA, `post:${json.post.id}`);
    const forumOnA = await connectSocket(nodes.a.origin);
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
    const onA = await signedUpClient(nodes.a.origin, "ona");
    const onB = await signedUpClient(nodes.b.origin, "onb");
    const watcher = await connectSocket(nodes.a.origin);
    await subscribe(watcher, "forum");
    // Each join delta goes out once that member is in the shared store, so after both have
    // reached the watcher either node must list both.
    const joined = (id: string) => nextEvent(watcher, "presence", (p) => "type" in p && p.type === "join" && p.user.id === id);
    const bothJoined = Promise.all([joined(onA.me.user.id), joined(onB.me.user.id)]);
    await connectSocket(nodes.a.origin, onA);
    await connectSocket(nodes.b.origin, onB);
    await bothJoined;
    for (const node of [nodes.a, nodes.b]) {
      const { json } = await createClient(node.origin).get("/api/v1/presence");
      const ids = json.users.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([onA.me.user.id, onB.me.user.id]));
      expect(json.count).toBe(json.users.length);
    }
  });
});
