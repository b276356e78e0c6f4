import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { uniqueName, type Client, type SignedUp } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
type Member = Client & { me: SignedUp };
let alice: Member;
let bob: Member;

beforeAll(async () => {
  [alice, bob] = await Promise.all([server.member("alice"), server.member("bob")]);
});

async function newPost(author: Member = alice): Promise<string> {
  const res = await author.post("/api/v1/posts", { categorySlug: "general", title: "Thread", body: "Discuss" });
  return res.json.post.id;
}
const comment = (client: Client, postId: string, body: unknown) => client.post(`/api/v1/posts/${postId}/comments`, body);

describe("POST /api/v1/posts/:id/comments", () => {
  it("201 with the comment in the contract's shape; seq counts 1, 2, 3; the post counts them", async () => {
    const postId = await newPost();
    const first = await comment(bob, postId, { body: "First *reply*" });
    expectOk(first, 201);
    expect(first.json.comment).toMatchObject({
      postId,
      seq: 1,
      body: "First *reply*",
      author: { id: bob.me.user.id, username: bob.me.user.username },
      editedAt: null,
    });
    expect(first.json.comment.bodyHtml).toContain("<em>reply</em>");
    expect(first.json.comment).not.toHaveProperty("hidden");
    expect((await comment(alice, postId, { body: "second" })).json.comment.seq).toBe(2);
    expect((await comment(bob, postId, { body: "third" })).json.comment.seq).toBe(3);
    expect((await alice.get(`/api/v1/posts/${postId}`)).json.post.commentCount).toBe(3);
  });

  it("the same clientId twice gives one comment: 201, then 200 with the same id", async () => {
    const postId = await newPost();
    const clientId = `cid-${uniqueName()}`;
    const a = await comment(bob, postId, { body: "once", clientId });
    const b = await comment(bob, postId, { body: "once, retried", clientId });
    expectOk(a, 201);
    expectOk(b, 200);
    expect(b.json.comment.id).toBe(a.json.comment.id);
    expect(b.json.comment.body).toBe("once");
    const list = await bob.get(`/api/v1/posts/${postId}/comments`);
    expect(list.json.comments).toHaveLength(1);
  });

  it("401 anonymous; 404 unknown or malformed post; 400 empty body", async () => {
    const postId = await newPost();
    expectError(await comment(server.anonymous(), postId, { body: "hi" }), 401, "UNAUTHENTICATED");
    expectError(await comment(bob, crypto.randomUUID(), { body: "hi" }), 404, "NOT_FOUND");
    expectError(await comment(bob, "xyz", { body: "hi" }), 404, "NOT_FOUND");
    expectValidation(await comment(bob, postId, { body: "  " }), "body");
    expectValidation(await comment(bob, postId, {}), "body");
  });

  it("400 VALIDATION_FAILED for a body over 20,000 characters (under the 64 KB request limit)", async () => {
    const postId = await newPost();
    expectValidation(await comment(bob, postId, { body: "x".repeat(20_001) }), "body");
    expectOk(await comment(bob, postId, { body: "x".repeat(20_000) }), 201);
  });

  it("403 FORBIDDEN on a locked post for members; staff may still comment", async () => {
    const postId = await newPost();
    await server.db.setPostFlags(postId, { locked: true });
    const res = await comment(bob, postId, { body: "let me in" });
    expectError(res, 403, "FORBIDDEN");
    expectError(await comment(alice, postId, { body: "even the author" }), 403, "FORBIDDEN");
    expectOk(await comment(await server.moderator(), postId, { body: "closing note" }), 201);
  });

  it("404 on a deleted post", async () => {
    const postId = await newPost();
    await alice.delete(`/api/v1/posts/${postId}`);
    expectError(await comment(bob, postId, { body: "too late" }), 404, "NOT_FOUND");
  });
});

describe("GET /api/v1/posts/:id/comments", () => {
  let postId: string;
  beforeAll(async () => {
    postId = await newPost();
    for (let i = 1; i <= 7; i++) await comment(i % 2 ? bob : alice, postId, { body: `c${i}` });
  });
  const seqs = (res: { json: { comments: { seq: number }[] } }) => res.json.comments.map((c) => c.seq);

  it("lists in seq order, from `after`, at most `limit`", async () => {
    const anon = server.anonymous();
    expect(seqs(await anon.get(`/api/v1/posts/${postId}/comments`))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seqs(await anon.get(`/api/v1/posts/${postId}/comments?after=4`))).toEqual([5, 6, 7]);
    expect(seqs(await anon.get(`/api/v1/posts/${postId}/comments?after=2&limit=3`))).toEqual([3, 4, 5]);
    expect(seqs(await anon.get(`/api/v1/posts/${postId}/comments?after=7`))).toEqual([]);
    expect(seqs(await anon.get(`/api/v1/posts/${postId}/comments?limit=200`))).toHaveLength(7);
  });

  it("400 for limit over 200, limit 0, negative or non-numeric after", async () => {
    const anon = server.anonymous();
    expectValidation(await anon.get(`/api/v1/posts/${postId}/comments?limit=201`), "limit");
    expectValidation(await anon.get(`/api/v1/posts/${postId}/comments?limit=0`), "limit");
    expectValidation(await anon.get(`/api/v1/posts/${postId}/comments?after=-1`), "after");
    expectValidation(await anon.get(`/api/v1/posts/${postId}/comments?after=abc`), "after");
  });

  it("404 for an unknown, malformed or hidden post", async () => {
    const anon = server.anonymous();
    expectError(await anon.get(`/api/v1/posts/${crypto.randomUUID()}/comments`), 404, "NOT_FOUND");
    expectError(await anon.get(`/api/v1/posts/abc/comments`), 404, "NOT_FOUND");
    const hiddenPost = await newPost();
    await server.db.setPostFlags(hiddenPost, { hidden: true });
    expectError(await anon.get(`/api/v1/posts/${hiddenPost}/comments`), 404, "NOT_FOUND");
  });

  it("leaves hidden comments out for members but shows them (flagged) to staff", async () => {
    const p = await newPost();
    const c1 = (await comment(bob, p, { body: "visible" })).json.comment;
    const c2 = (await comment(bob, p, { body: "hidden one" })).json.comment;
    await server.db.setCommentHidden(c2.id, true);
    expect((await bob.get(`/api/v1/posts/${p}/comments`)).json.comments.map((c: { id: string }) => c.id)).toEqual([c1.id]);
    const staff = (await (await server.moderator()).get(`/api/v1/posts/${p}/comments`)).json.comments;
    expect(staff.map((c: { id: string; hidden: boolean }) => [c.id, c.hidden])).toEqual([
      [c1.id, false],
      [c2.id, true],
    ]);
  });
});

describe("GET/PATCH/DELETE /api/v1/comments/:id", () => {
  it("GET returns a visible comment; 404 for unknown, malformed, deleted", async () => {
    const p = await newPost();
    const c = (await comment(bob, p, { body: "read me" })).json.comment;
    const res = await server.anonymous().get(`/api/v1/comments/${c.id}`);
    expectOk(res);
    expect(res.json.comment).toMatchObject({ id: c.id, body: "read me", seq: 1 });
    expectError(await server.anonymous().get(`/api/v1/comments/${crypto.randomUUID()}`), 404, "NOT_FOUND");
    expectError(await server.anonymous().get(`/api/v1/comments/1`), 404, "NOT_FOUND");
  });

  it("PATCH: author 200, other member 403, moderator 200, anonymous 401", async () => {
    const p = await newPost();
    const c = (await comment(bob, p, { body: "original" })).json.comment;
    const edited = await bob.patch(`/api/v1/comments/${c.id}`, { body: "**edited**" });
    expectOk(edited);
    expect(edited.json.comment).toMatchObject({ id: c.id, seq: 1, body: "**edited**", editedAt: expect.any(String) });
    expect(edited.json.comment.bodyHtml).toContain("<strong>edited</strong>");
    expectError(await alice.patch(`/api/v1/comments/${c.id}`, { body: "not yours" }), 403, "FORBIDDEN");
    expectError(await server.anonymous().patch(`/api/v1/comments/${c.id}`, { body: "anon" }), 401, "UNAUTHENTICATED");
    const mod = await server.moderator();
    expectOk(await mod.patch(`/api/v1/comments/${c.id}`, { body: "moderated" }));
    expect((await server.anonymous().get(`/api/v1/comments/${c.id}`)).json.comment.body).toBe("moderated");
  });

  it("PATCH: 400 for empty or unknown fields, 404 for unknown ids", async () => {
    const p = await newPost();
    const c = (await comment(bob, p, { body: "original" })).json.comment;
    expectValidation(await bob.patch(`/api/v1/comments/${c.id}`, { body: "" }), "body");
    expectValidation(await bob.patch(`/api/v1/comments/${c.id}`, { body: "ok", seq: 9 }), "body");
    expectError(await bob.patch(`/api/v1/comments/${crypto.randomUUID()}`, { body: "x" }), 404, "NOT_FOUND");
  });

  it("DELETE: other member 403, anonymous 401, author 204 then 404; the post's count drops", async () => {
    const p = await newPost();
    const c = (await comment(bob, p, { body: "short-lived" })).json.comment;
    await comment(bob, p, { body: "stays" });
    expectError(await alice.delete(`/api/v1/comments/${c.id}`), 403, "FORBIDDEN");
    expectError(await server.anonymous().delete(`/api/v1/comments/${c.id}`), 401, "UNAUTHENTICATED");
    expectOk(await bob.delete(`/api/v1/comments/${c.id}`), 204);
    expectError(await bob.get(`/api/v1/comments/${c.id}`), 404, "NOT_FOUND");
    expectError(await bob.delete(`/api/v1/comments/${c.id}`), 404, "NOT_FOUND");
    const post = (await bob.get(`/api/v1/posts/${p}`)).json.post;
    expect(post.commentCount).toBe(1);
    expect((await bob.get(`/api/v1/posts/${p}/comments`)).json.comments.map((x: { seq: number }) => x.seq)).toEqual([2]);
  });

  it("DELETE by a moderator: 204", async () => {
    const p = await newPost();
    const c = (await comment(bob, p, { body: "off-topic" })).json.comment;
    expectOk(await (await server.moderator()).delete(`/api/v1/comments/${c.id}`), 204);
    expectError(await server.anonymous().get(`/api/v1/comments/${c.id}`), 404, "NOT_FOUND");
  });
});
