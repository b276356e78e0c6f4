import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, signedUpClient, startNode, type RunningNode } from "@/test/harness";
import { closeAllSockets, collect, connectSocket, nextEvent, subscribe } from "@/test/sockets";

const server = useServer();
let node: RunningNode;

// A node of its own with a fast heartbeat, so a silent client is dropped within a second.
beforeAll(async () => {
  node = await startNode({ databaseUrl: server.databaseUrl, env: { SOCKET_PING_INTERVAL_MS: "300", SOCKET_PING_TIMEOUT_MS: "300" } });
});
afterAll(async () => {
  closeAllSockets();
  await node?.stop();
});

const online = async () =>
  (await createClient(node.origin).get("/api/v1/presence")).json as { count: number; users: { id: string }[]; guests: number };
const isOnline = async (id: string) => (await online()).users.some((u) => u.id === id);

describe("presence", () => {
  it("keeps a member online while any of their tabs is connected", async () => {
    const alice = await signedUpClient(node.origin, "alice");
    const post = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "Two tabs", body: "x" })).json.post;
    const watcher = await connectSocket(node.origin);
    await subscribe(watcher, "forum");
    await subscribe(watcher, `post:${post.id}`);
    const presence = collect(watcher, "presence");
    const aliceDeltas = () => presence.flatMap((p) => ("type" in p && p.user.id === alice.me.user.id ? [p.type] : []));

    const joined = nextEvent(watcher, "presence", (p) => "type" in p && p.type === "join" && p.user.id === alice.me.user.id);
    const tab1 = await connectSocket(node.origin, alice);
    const join = await joined;
    expect(join).toMatchObject({ type: "join", user: { id: alice.me.user.id, username: alice.me.user.username } });
    expect(await isOnline(alice.me.user.id)).toBe(true);

    // Tab 1 views the post too, so the server's handling of its disconnect shows up as the
    // watcher's viewer count going from 2 to 1 (sent after any presence delta that handling emits).
    const both = nextEvent(watcher, "post:viewers", (p) => p.postId === post.id && p.count === 2);
    await subscribe(tab1, `post:${post.id}`);
    await both;
    const tab2 = await connectSocket(node.origin, alice);
    const tab1Gone = nextEvent(watcher, "post:viewers", (p) => p.postId === post.id && p.count === 1);
    tab1.close();
    await tab1Gone;
    expect(aliceDeltas()).toEqual(["join"]);
    expect(await isOnline(alice.me.user.id)).toBe(true);

    const left = nextEvent(watcher, "presence", (p) => "type" in p && p.type === "leave" && p.user.id === alice.me.user.id);
    tab2.close();
    await left;
    expect(await isOnline(alice.me.user.id)).toBe(false);
  });

  it("sends a snapshot on subscribe to forum that agrees with GET /presence", async () => {
    const bob = await signedUpClient(node.origin, "bob");
    await connectSocket(node.origin, bob);
    const watcher = await connectSocket(node.origin);
    const snapshot = nextEvent(watcher, "presence", (p) => !("type" in p));
    await subscribe(watcher, "forum");
    const snap = await snapshot;
    expect("users" in snap && snap.users.some((u) => u.id === bob.me.user.id)).toBe(true);
    const http = await online();
    expect(http.count).toBe(http.users.length);
    expect(http.users.map((u) => u.id)).toContain(bob.me.user.id);
    expect(http.guests).toBeGreaterThanOrEqual(1);
  });

  it("takes a member who stops answering heartbeats offline", async () => {
    const carol = await signedUpClient(node.origin, "carol");
    const watcher = await connectSocket(node.origin);
    await subscribe(watcher, "forum");
    const joined = nextEvent(watcher, "presence", (p) => "type" in p && p.type === "join" && p.user.id === carol.me.user.id);
    const silent = await connectSocket(node.origin, carol);
    await joined;
    expect(await isOnline(carol.me.user.id)).toBe(true);

    const left = nextEvent(watcher, "presence", (p) => "type" in p && p.type === "leave" && p.user.id === carol.me.user.id, 5000);
    // Stop answering the server's pings, as a frozen tab or a dead network would.
    (silent.io.engine as unknown as { _sendPacket: () => void })._sendPacket = () => {};
    await left;
    expect(await isOnline(carol.me.user.id)).toBe(false);
  });
});
