import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { signedUpClient, startNode, type RunningNode } from "@/test/harness";
import { closeAllSockets, connectSocket, disconnected, subscribe } from "@/test/sockets";
import { MAX_ROOMS_PER_SOCKET } from "./rooms";

const server = useServer();
afterAll(closeAllSockets);

describe("per-socket limits", () => {
  it(`refuses more than ${MAX_ROOMS_PER_SOCKET} rooms on one connection`, async () => {
    const author = await server.member("rooms");
    const posts = await Promise.all(
      Array.from({ length: MAX_ROOMS_PER_SOCKET }, (_, i) =>
        author.post("/api/v1/posts", { categorySlug: "general", title: `Room ${i}`, body: "x" }),
      ),
    );
    const socket = await connectSocket(server.origin);
    for (const p of posts) expect(await subscribe(socket, `post:${p.json.post.id}`)).toMatchObject({ ok: true });
    expect(await subscribe(socket, "forum")).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // Leaving one makes room again.
    await socket.emitWithAck("unsubscribe", { room: `post:${posts[0].json.post.id}` });
    expect(await subscribe(socket, "forum")).toMatchObject({ ok: true });
  });

  it("drops a connection that sends a frame over the 16 KB buffer limit", async () => {
    const socket = await connectSocket(server.origin);
    const closed = disconnected(socket);
    socket.emit("subscribe", { room: "x".repeat(64 * 1024) }, () => {});
    expect(await closed).toMatch(/transport close|transport error/);
  });
});

describe("per-socket event rate", () => {
  let node: RunningNode;
  // Unscaled limits (RATE_LIMIT_SCALE=1): 30 events per 10 s per socket.
  beforeAll(async () => {
    node = await startNode({ databaseUrl: server.databaseUrl, env: { RATE_LIMIT_SCALE: "1" } });
  });
  afterAll(() => node?.stop());

  it("answers a flood of typing events with RATE_LIMITED", async () => {
    const member = await signedUpClient(node.origin, "flood");
    const post = (await member.post("/api/v1/posts", { categorySlug: "general", title: "Flood", body: "x" })).json.post;
    const socket = await connectSocket(node.origin, member);
    expect(await subscribe(socket, `post:${post.id}`)).toMatchObject({ ok: true });
    const acks = await Promise.all(Array.from({ length: 40 }, () => socket.emitWithAck("typing", { postId: post.id })));
    const limited = acks.filter((a) => !a.ok && a.error.code === "RATE_LIMITED");
    expect(acks.filter((a) => a.ok).length).toBeGreaterThan(0);
    expect(limited.length).toBeGreaterThan(0);
    // The connection survives: limits slow a client down, they do not cut it off.
    expect(socket.connected).toBe(true);
  });
});
