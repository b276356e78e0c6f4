import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { expectError, expectOk, expectValidation } from "@/test/expect";
import { closeAllSockets, connectSocket, subscribe, waitUntil } from "@/test/sockets";
import { createFeedStore } from "@/components/stores/feed";

const server = useServer();
afterAll(closeAllSockets);

async function postBy(prefix = "author") {
  const author = await server.member(prefix);
  const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: `Followed ${Date.now()}`, body: "b" })).json.post;
  return { author, post };
}

describe("finding and following over HTTP", () => {
  it("read positions: 204, forward only, clamped; 401 for guests, 404 for unknown posts, 400 for a bad seq", async () => {
    const { author, post } = await postBy();
    const reader = await server.member("reader");
    for (const body of ["1", "2", "3"]) await author.post(`/api/v1/posts/${post.id}/comments`, { body });
    expect((await reader.put(`/api/v1/posts/${post.id}/read`, { seq: 2 })).status).toBe(204);
    expect((await reader.put(`/api/v1/posts/${post.id}/read`, { seq: 1 })).status).toBe(204);
    expect((await reader.get(`/api/v1/posts/${post.id}`)).json.post).toMatchObject({ readSeq: 2, unreadCount: 1, lastSeq: 3 });
    await reader.put(`/api/v1/posts/${post.id}/read`, { seq: 99 });
    expect((await reader.get(`/api/v1/posts/${post.id}`)).json.post).toMatchObject({ readSeq: 3, unreadCount: 0 });
    expect((await server.anonymous().get(`/api/v1/posts/${post.id}`)).json.post).not.toHaveProperty("unreadCount");

    expectError(await server.anonymous().put(`/api/v1/posts/${post.id}/read`, { seq: 1 }), 401, "UNAUTHENTICATED");
    expectError(await reader.put(`/api/v1/posts/${crypto.randomUUID()}/read`, { seq: 1 }), 404, "NOT_FOUND");
    expectValidation(await reader.put(`/api/v1/posts/${post.id}/read`, { seq: -1 }), "seq");
  });

  it("watch levels answer {level}; posts carry the viewer's watchLevel; unknown categories 404", async () => {
    const { author, post } = await postBy();
    const fan = await server.member("fan");
    expect((await author.get(`/api/v1/posts/${post.id}`)).json.post.watchLevel).toBe("watching");
    const res = await fan.put(`/api/v1/posts/${post.id}/watch`, { level: "watching" });
    expectOk(res);
    expect(res.json).toEqual({ level: "watching" });
    expect((await fan.get(`/api/v1/posts/${post.id}`)).json.post.watchLevel).toBe("watching");
    expect((await fan.put("/api/v1/categories/general/watch", { level: "normal" })).json).toEqual({ level: "normal" });
    expectValidation(await fan.put(`/api/v1/posts/${post.id}/watch`, { level: "loud" }), "level");
    expectError(await fan.put("/api/v1/categories/no-such-category/watch", { level: "muted" }), 404, "NOT_FOUND");
    expectError(await server.anonymous().put(`/api/v1/posts/${post.id}/watch`, { level: "muted" }), 401, "UNAUTHENTICATED");
  });

  it("filter=unread|new need a member; a reply carries replyTo; mentions link; users?prefix escapes wildcards", async () => {
    const { author, post } = await postBy("writer");
    const reader = await server.member("reader");
    expectError(await server.anonymous().get("/api/v1/posts?filter=new"), 401, "UNAUTHENTICATED");
    expectValidation(await reader.get("/api/v1/posts?filter=old"), "filter");
    const fresh = (await reader.get("/api/v1/posts?filter=new&limit=100")).json.posts.map((p: { id: string }) => p.id);
    expect(fresh).toContain(post.id);

    const first = (await reader.post(`/api/v1/posts/${post.id}/comments`, { body: `hello @${author.me.user.username}` })).json.comment;
    expect(first.bodyHtml).toContain(`href="/u/${author.me.user.username}" class="mention"`);
    const reply = await author.post(`/api/v1/posts/${post.id}/comments`, { body: "thanks", replyToId: first.id });
    expectOk(reply, 201);
    expect(reply.json.comment.replyTo).toEqual({
      id: first.id,
      seq: first.seq,
      author: { id: reader.me.user.id, username: reader.me.user.username, avatarUrl: null },
    });
    expectValidation(await author.post(`/api/v1/posts/${post.id}/comments`, { body: "x", replyToId: "nope" }), "replyToId");
    const missingPost = "00000000-0000-4000-8000-000000000000";
    expectError(await author.post(`/api/v1/posts/${missingPost}/comments`, { body: "x", replyToId: first.id }), 404, "NOT_FOUND");
    const kinds = (await reader.get("/api/v1/notifications")).json.notifications.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(["REPLY"]);

    // "_" and "%" are looked up literally (as wildcards, "reade_" would find "reader").
    const name = reader.me.user.username; // reader_<hex>
    const wild = name.replace("_", "%");
    expect((await server.anonymous().get(`/api/v1/users?prefix=${encodeURIComponent(wild)}`)).json.users).toEqual([]);
    const found = (await server.anonymous().get(`/api/v1/users?prefix=${name.slice(0, 8).toUpperCase()}&limit=20`)).json.users;
    expect(found).toContainEqual({ id: reader.me.user.id, username: name, avatarUrl: null });
    expectError(await server.anonymous().get(`/api/v1/users/${name.slice(0, 5)}_${name.slice(6)}`), 404, "NOT_FOUND");
    expectValidation(await server.anonymous().get("/api/v1/users?prefix="), "prefix");
  });

  it("drafts: round-trip, vanish on create, 404 for a post the member cannot see, 400 for bad keys", async () => {
    const { post } = await postBy();
    const writer = await server.member("drafter");
    const key = `/api/v1/drafts/post:${post.id}`;
    expectError(await writer.get(key), 404, "NOT_FOUND");
    expect((await writer.put(key, { body: "unsent words" })).status).toBe(204);
    expect((await writer.get(key)).json.draft).toMatchObject({ key: `post:${post.id}`, title: null, body: "unsent words" });
    await writer.post(`/api/v1/posts/${post.id}/comments`, { body: "sent words" });
    expectError(await writer.get(key), 404, "NOT_FOUND");
    expectError(await writer.put(`/api/v1/drafts/post:${crypto.randomUUID()}`, { body: "x" }), 404, "NOT_FOUND");
    expectValidation(await writer.put("/api/v1/drafts/elsewhere", { body: "x" }), "key");
    expectValidation(await writer.put("/api/v1/drafts/new-post", { title: "t".repeat(201), body: "x" }), "title");
    expectError(await server.anonymous().get("/api/v1/drafts/new-post"), 401, "UNAUTHENTICATED");
  });
});

describe("live unread counts", () => {
  it("B has read up to seq N; K writers comment; B's open list shows K unread without reloading", async () => {
    const { author, post } = await postBy("live");
    const reader = await server.member("reader");
    const N = 2;
    const K = 5;
    for (let i = 0; i < N; i++) await author.post(`/api/v1/posts/${post.id}/comments`, { body: `before ${i}` });
    await reader.put(`/api/v1/posts/${post.id}/read`, { seq: N });

    // B's home list, as the page renders it, kept live by the same store and socket events the browser uses.
    const page = (await reader.get("/api/v1/posts?limit=50")).json.posts;
    const feed = createFeedStore("forum", page);
    expect(feed.getState().byId[post.id]).toMatchObject({ readSeq: N, unreadCount: 0 });
    const socket = await connectSocket(server.origin, reader);
    socket.on("post:updated", ({ post: p }) => feed.getState().upsertPost(p));
    expect((await subscribe(socket, "forum")).ok).toBe(true);

    const writers = await Promise.all(Array.from({ length: K }, (_, i) => server.member(`w${i}`)));
    await Promise.all(writers.map((w, i) => w.post(`/api/v1/posts/${post.id}/comments`, { body: `live ${i}` })));
    await waitUntil(socket, "post:updated", () => feed.getState().byId[post.id]?.lastSeq === N + K, 15_000);
    expect(feed.getState().byId[post.id]).toMatchObject({ readSeq: N, unreadCount: K, commentCount: N + K });
    // And the server agrees.
    expect((await reader.get(`/api/v1/posts/${post.id}`)).json.post.unreadCount).toBe(K);
  });
});
