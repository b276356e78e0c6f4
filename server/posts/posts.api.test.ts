import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { uniqueName } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
const newPost = (extra: Record<string, unknown> = {}) => ({
  categorySlug: "general",
  title: "A title",
  body: "Some **bold** text",
  ...extra,
});

describe("POST /api/v1/posts", () => {
  it("201 with the post in the contract's shape, markdown rendered", async () => {
    const alice = await server.member("alice");
    const res = await alice.post("/api/v1/posts", newPost());
    expectOk(res, 201);
    const post = res.json.post;
    expect(post).toMatchObject({
      category: { slug: "general", name: expect.any(String) },
      title: "A title",
      body: "Some **bold** text",
      author: { id: alice.me.user.id, username: alice.me.user.username },
      pinned: false,
      locked: false,
      commentCount: 0,
      editedAt: null,
    });
    expect(post.bodyHtml).toContain("<strong>bold</strong>");
    for (const k of ["id", "createdAt", "lastActivityAt"]) expect(post[k]).toEqual(expect.any(String));
    expect(post).not.toHaveProperty("hidden"); // members never see the staff-only field
  });

  it("shows `hidden` to staff", async () => {
    const mod = await server.moderator();
    const res = await mod.post("/api/v1/posts", newPost());
    expect(res.json.post.hidden).toBe(false);
  });

  it("returns the first post (200) for a clientId the author already used", async () => {
    const alice = await server.member("alice");
    const clientId = `c-${uniqueName()}`;
    const first = await alice.post("/api/v1/posts", newPost({ clientId }));
    expectOk(first, 201);
    const again = await alice.post("/api/v1/posts", newPost({ clientId, title: "Different" }));
    expectOk(again, 200);
    expect(again.json.post.id).toBe(first.json.post.id);
    expect(again.json.post.title).toBe("A title");
    // Another author may use the same clientId for their own post.
    const bob = await server.member("bob");
    const theirs = await bob.post("/api/v1/posts", newPost({ clientId }));
    expectOk(theirs, 201);
    expect(theirs.json.post.id).not.toBe(first.json.post.id);
  });

  it("400 VALIDATION_FAILED: empty title, title over 200 characters, missing body", async () => {
    const alice = await server.member("alice");
    expectValidation(await alice.post("/api/v1/posts", newPost({ title: "   " })), "title");
    expectValidation(await alice.post("/api/v1/posts", newPost({ title: "x".repeat(201) })), "title");
    expectOk(await alice.post("/api/v1/posts", newPost({ title: "x".repeat(200) })), 201);
    expectValidation(await alice.post("/api/v1/posts", { categorySlug: "general", title: "t" }), "body");
    expectValidation(await alice.post("/api/v1/posts", newPost({ clientId: "has spaces" })), "clientId");
  });

  it("400 VALIDATION_FAILED for an unknown category", async () => {
    const alice = await server.member("alice");
    expectValidation(await alice.post("/api/v1/posts", newPost({ categorySlug: "no-such-category" })), "categorySlug");
  });

  it("401 UNAUTHENTICATED for anonymous visitors", async () => {
    expectError(await server.anonymous().post("/api/v1/posts", newPost()), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/v1/posts and /api/v1/posts/:id", () => {
  it("serves a post to anyone", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    const res = await server.anonymous().get(`/api/v1/posts/${post.id}`);
    expectOk(res);
    expect(res.json.post).toMatchObject({ id: post.id, title: post.title });
  });

  it("404 for an id that does not exist and for a malformed one", async () => {
    const anon = server.anonymous();
    expectError(await anon.get(`/api/v1/posts/${crypto.randomUUID()}`), 404, "NOT_FOUND");
    expectError(await anon.get("/api/v1/posts/not-a-uuid"), 404, "NOT_FOUND");
    expectError(await anon.get("/api/v1/posts/1"), 404, "NOT_FOUND");
  });

  it("hides a hidden post from members (404) but not from staff", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    await server.db.setPostFlags(post.id, { hidden: true });
    expectError(await alice.get(`/api/v1/posts/${post.id}`), 404, "NOT_FOUND");
    const mod = await server.moderator();
    const res = await mod.get(`/api/v1/posts/${post.id}`);
    expectOk(res);
    expect(res.json.post.hidden).toBe(true);
  });

  it("lists the latest posts across categories, newest first, with `since` catch-up", async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const alice = await server.member("alice");
    const a = (await alice.post("/api/v1/posts", newPost({ title: "first" }))).json.post;
    const b = (await alice.post("/api/v1/posts", newPost({ title: "second" }))).json.post;
    const latest = await server.anonymous().get("/api/v1/posts?limit=100");
    expectOk(latest);
    const ids = latest.json.posts.map((p: { id: string }) => p.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const since = await server.anonymous().get(`/api/v1/posts?since=${encodeURIComponent(before)}`);
    expect(since.json.posts.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(since.json.nextCursor).toBeNull();
    expectValidation(await server.anonymous().get("/api/v1/posts?since=yesterday"), "since");
    expectValidation(await server.anonymous().get("/api/v1/posts?limit=0"), "limit");
    expectValidation(await server.anonymous().get("/api/v1/posts?cursor=garbage"), "cursor");
  });
});

describe("PATCH /api/v1/posts/:id", () => {
  it("lets the author edit: 200 with the new title/body, re-rendered, editedAt set", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    const res = await alice.patch(`/api/v1/posts/${post.id}`, { title: "Edited", body: "_new_ body" });
    expectOk(res);
    expect(res.json.post).toMatchObject({ id: post.id, title: "Edited", body: "_new_ body" });
    expect(res.json.post.bodyHtml).toContain("<em>new</em>");
    expect(res.json.post.editedAt).toEqual(expect.any(String));
    expect((await server.anonymous().get(`/api/v1/posts/${post.id}`)).json.post.title).toBe("Edited");
  });

  it("403 FORBIDDEN for another member, 200 for a moderator, 401 for anonymous", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    const bob = await server.member("bob");
    expectError(await bob.patch(`/api/v1/posts/${post.id}`, { title: "bob was here" }), 403, "FORBIDDEN");
    expectError(await server.anonymous().patch(`/api/v1/posts/${post.id}`, { title: "anon" }), 401, "UNAUTHENTICATED");
    const mod = await server.moderator();
    const res = await mod.patch(`/api/v1/posts/${post.id}`, { title: "moderated" });
    expectOk(res);
    expect(res.json.post.title).toBe("moderated");
  });

  it("400 for no fields, unknown fields and bad values; 404 for unknown ids", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    expectValidation(await alice.patch(`/api/v1/posts/${post.id}`, {}), "title");
    expectValidation(await alice.patch(`/api/v1/posts/${post.id}`, { pinned: true }), "body");
    expectValidation(await alice.patch(`/api/v1/posts/${post.id}`, { title: "" }), "title");
    expectError(await alice.patch(`/api/v1/posts/${crypto.randomUUID()}`, { title: "x" }), 404, "NOT_FOUND");
    expectError(await alice.patch("/api/v1/posts/nope", { title: "x" }), 404, "NOT_FOUND");
    expect((await alice.get(`/api/v1/posts/${post.id}`)).json.post.pinned).toBe(false);
  });
});

describe("DELETE /api/v1/posts/:id", () => {
  it("204 for the author, then the post is gone (404)", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    const res = await alice.delete(`/api/v1/posts/${post.id}`);
    expectOk(res, 204);
    expect(res.text).toBe("");
    expectError(await alice.get(`/api/v1/posts/${post.id}`), 404, "NOT_FOUND");
    expectError(await alice.delete(`/api/v1/posts/${post.id}`), 404, "NOT_FOUND");
  });

  it("403 for another member, 401 for anonymous, 204 for a moderator", async () => {
    const alice = await server.member("alice");
    const { post } = (await alice.post("/api/v1/posts", newPost())).json;
    expectError(await (await server.member("bob")).delete(`/api/v1/posts/${post.id}`), 403, "FORBIDDEN");
    expectError(await server.anonymous().delete(`/api/v1/posts/${post.id}`), 401, "UNAUTHENTICATED");
    expectOk(await (await server.moderator()).delete(`/api/v1/posts/${post.id}`), 204);
    expectError(await server.anonymous().get(`/api/v1/posts/${post.id}`), 404, "NOT_FOUND");
  });

  it("404 for a malformed id", async () => {
    expectError(await (await server.member("alice")).delete("/api/v1/posts/%27%3B--"), 404, "NOT_FOUND");
  });
});
