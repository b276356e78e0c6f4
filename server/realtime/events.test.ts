import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { closeAllSockets, collect, connectSocket, nextEvent, subscribe } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

/** Every live event reaches a second client within a second of the HTTP write that caused it. */
describe("live events", () => {
  it("post:created / updated / deleted reach forum and category subscribers", async () => {
    const alice = await server.member("alice");
    const forum = await connectSocket(server.origin);
    const category = await connectSocket(server.origin);
    await subscribe(forum, "forum");
    await subscribe(category, "category:general");

    const created = Promise.all([
      nextEvent(forum, "post:created", (p) => p.post.title === "Live post"),
      nextEvent(category, "post:created", (p) => p.post.title === "Live post"),
    ]);
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Live post", body: "hello" });
    const [a, b] = await created;
    expect(a.post.id).toBe(json.post.id);
    expect(b.post.author.username).toBe(alice.me.user.username);
    expect(a.post).not.toHaveProperty("hidden");

    const updated = nextEvent(forum, "post:updated", (p) => p.post.id === json.post.id && p.post.title === "Edited");
    await alice.patch(`/api/v1/posts/${json.post.id}`, { title: "Edited" });
    await updated;

    const deleted = nextEvent(category, "post:deleted", (p) => p.id === json.post.id);
    expect((await alice.delete(`/api/v1/posts/${json.post.id}`)).status).toBe(204);
    await deleted;
  });

  it("comment:created / updated / deleted reach post subscribers, with seq", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Thread", body: "x" });
    const watcher = await connectSocket(server.origin);
    expect(await subscribe(watcher, `post:${json.post.id}`)).toMatchObject({ ok: true });

    const created = nextEvent(watcher, "comment:created");
    const res = await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "first!" });
    const { comment } = await created;
    expect(comment).toMatchObject({ id: res.json.comment.id, seq: 1, postId: json.post.id, body: "first!" });

    const updated = nextEvent(watcher, "comment:updated", (p) => p.comment.body === "first! (edited)");
    await bob.patch(`/api/v1/comments/${comment.id}`, { body: "first! (edited)" });
    expect((await updated).comment.editedAt).not.toBeNull();

    const deleted = nextEvent(watcher, "comment:deleted");
    await bob.delete(`/api/v1/comments/${comment.id}`);
    expect(await deleted).toEqual({ id: comment.id, postId: json.post.id });
  });

  it("a new comment refreshes the post's count for forum subscribers", async () => {
    const alice = await server.member("alice");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Counted", body: "x" });
    const forum = await connectSocket(server.origin);
    await subscribe(forum, "forum");
    const bumped = nextEvent(forum, "post:updated", (p) => p.post.id === json.post.id && p.post.commentCount === 1);
    await alice.post(`/api/v1/posts/${json.post.id}/comments`, { body: "one" });
    await bumped;
  });

  it("invalid writes emit nothing", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Quiet", body: "x" });
    const forum = await connectSocket(server.origin);
    const room = await connectSocket(server.origin);
    await subscribe(forum, "forum");
    await subscribe(room, `post:${json.post.id}`);
    // The node is shared with other test files: keep only events about this test's members and post.
    const ours = new Set([alice.me.user.id, bob.me.user.id, json.post.id]);
    const about = (p: { post?: { id: string; author: { id: string } }; id?: string; comment?: { author: { id: string } } }) =>
      [p.post?.id, p.post?.author.id, p.id, p.comment?.author.id].some((id) => id && ours.has(id));
    const forumSaw: { event: string; payload: unknown }[] = [];
    const roomSaw: { event: string; payload: unknown }[] = [];
    for (const event of ["post:created", "post:updated", "post:deleted"] as const)
      forum.on(event, ((p: Parameters<typeof about>[0]) => about(p) && forumSaw.push({ event, payload: p })) as never);
    room.on("comment:created", (p) => about(p) && roomSaw.push({ event: "comment:created", payload: p }));

    expect((await alice.post("/api/v1/posts", { categorySlug: "general", title: "", body: "x" })).status).toBe(400);
    expect((await bob.patch(`/api/v1/posts/${json.post.id}`, { title: "not yours" })).status).toBe(403);
    expect((await bob.delete(`/api/v1/posts/${json.post.id}`)).status).toBe(403);
    expect((await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "" })).status).toBe(400);
    await server.db.setPostFlags(json.post.id, { locked: true });
    expect((await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "locked out" })).status).toBe(403);

    // Barrier: one valid comment, written after all of the above. Its comment:created reaches the
    // room and its post:updated (the new count) the forum through the same paths, after anything
    // the refused writes would have sent; so each socket must have seen exactly these and no more.
    await server.db.setPostFlags(json.post.id, { locked: false });
    const counted = nextEvent(forum, "post:updated", (p) => p.post.id === json.post.id);
    const arrived = nextEvent(room, "comment:created", (p) => p.comment.postId === json.post.id);
    const valid = await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "the one valid write" });
    expect(valid.status).toBe(201);
    await Promise.all([counted, arrived]);
    expect(roomSaw).toMatchObject([{ event: "comment:created", payload: { comment: { id: valid.json.comment.id, seq: 1 } } }]);
    expect(forumSaw).toMatchObject([{ event: "post:updated", payload: { post: { id: json.post.id, title: "Quiet", commentCount: 1 } } }]);
  });

  it("typing reaches others in the post but not the typist", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Typing", body: "x" });
    const a = await connectSocket(server.origin, alice);
    const b = await connectSocket(server.origin, bob);
    await subscribe(a, `post:${json.post.id}`);
    await subscribe(b, `post:${json.post.id}`);
    const aliceHeard = collect(a, "typing");
    const heard = nextEvent(b, "typing");
    expect(await a.emitWithAck("typing", { postId: json.post.id })).toEqual({ ok: true });
    expect(await heard).toEqual({ postId: json.post.id, user: { id: alice.me.user.id, username: alice.me.user.username, avatarUrl: null } });
    // Barrier: Bob types back. His typing reaches Alice's socket after any echo of her own would
    // have (the server sent that before her ack), so she must have heard Bob and nobody else.
    const reply = nextEvent(a, "typing");
    expect(await b.emitWithAck("typing", { postId: json.post.id })).toEqual({ ok: true });
    await reply;
    expect(aliceHeard).toEqual([{ postId: json.post.id, user: { id: bob.me.user.id, username: bob.me.user.username, avatarUrl: null } }]);
  });

  it("post:viewers counts the sockets on a post", async () => {
    const alice = await server.member("alice");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Viewers", body: "x" });
    const a = await connectSocket(server.origin);
    const b = await connectSocket(server.origin);
    await subscribe(a, `post:${json.post.id}`);
    const two = nextEvent(a, "post:viewers", (p) => p.count === 2);
    await subscribe(b, `post:${json.post.id}`);
    expect(await two).toEqual({ postId: json.post.id, count: 2 });
    const one = nextEvent(a, "post:viewers", (p) => p.count === 1);
    b.close();
    await one;
  });

  it("notifications go to the recipient's own sockets only", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Notify me", body: "x" });
    const bobsPost = (await bob.post("/api/v1/posts", { categorySlug: "general", title: "Notify Bob", body: "x" })).json.post;
    const aliceSocket = await connectSocket(server.origin, alice);
    const bobSocket = await connectSocket(server.origin, bob);
    const bobSaw = collect(bobSocket, "notification");
    const got = nextEvent(aliceSocket, "notification");
    await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "reply to alice" });
    const { notification } = await got;
    expect(notification).toMatchObject({ kind: "REPLY", postId: json.post.id, actor: { username: bob.me.user.username }, readAt: null });
    expect(await aliceSocket.emitWithAck("notification:delivered", { ids: [notification.id] })).toEqual({ ok: true });
    const { rows } = await server.db.query(`SELECT "deliveredAt" FROM "Notification" WHERE id = $1`, [notification.id]);
    expect(rows[0].deliveredAt).not.toBeNull();
    // Barrier: a notification that is Bob's, sent after the one above. It reaches his socket
    // after anything of Alice's would have, so it must be the only one he has.
    const bobsOwn = nextEvent(bobSocket, "notification");
    await alice.post(`/api/v1/posts/${bobsPost.id}/comments`, { body: "reply to bob" });
    await bobsOwn;
    expect(bobSaw).toMatchObject([{ notification: { kind: "REPLY", postId: bobsPost.id, actor: { id: alice.me.user.id } } }]);
  });
});
