import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client, SignedUp } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
let alice: Client & { me: SignedUp };
let bob: Client & { me: SignedUp };
let postId: string;
let commentId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([server.member("alice"), server.member("bob")]);
  postId = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "React to me", body: "please" })).json.post.id;
  commentId = (await alice.post(`/api/v1/posts/${postId}/comments`, { body: "and me" })).json.comment.id;
});

describe.each([
  ["post", () => `/api/v1/posts/${postId}`],
  ["comment", () => `/api/v1/comments/${commentId}`],
])("PUT/DELETE /api/v1/%ss/:id/reaction", (type, target) => {
  it("PUT sets the viewer's reaction (200 with counts and mine); another kind replaces it", async () => {
    const res = await bob.put(`${target()}/reaction`, { kind: "LIKE" });
    expectOk(res);
    expect(res.json).toEqual({ reactions: { LIKE: 1 }, mine: "LIKE" });
    const both = await alice.put(`${target()}/reaction`, { kind: "LIKE" });
    expect(both.json.reactions).toEqual({ LIKE: 2 });
    const replaced = await bob.put(`${target()}/reaction`, { kind: "LOVE" });
    expect(replaced.json).toEqual({ reactions: { LIKE: 1, LOVE: 1 }, mine: "LOVE" });
    const entity = await server.anonymous().get(target());
    expect(entity.json[type].reactions).toEqual({ LIKE: 1, LOVE: 1 });
  });

  it("DELETE removes it (200 with counts), and is harmless when there is none", async () => {
    const res = await bob.delete(`${target()}/reaction`);
    expectOk(res);
    expect(res.json).toEqual({ reactions: { LIKE: 1 }, mine: null });
    expectOk(await bob.delete(`${target()}/reaction`));
    await alice.delete(`${target()}/reaction`);
    expect((await server.anonymous().get(target())).json[type].reactions).toEqual({});
  });

  it("401 anonymous, 400 unknown kind, 404 unknown or malformed target", async () => {
    expectError(await server.anonymous().put(`${target()}/reaction`, { kind: "LIKE" }), 401, "UNAUTHENTICATED");
    expectError(await server.anonymous().delete(`${target()}/reaction`), 401, "UNAUTHENTICATED");
    expectValidation(await bob.put(`${target()}/reaction`, { kind: "ANGRY" }), "kind");
    expectValidation(await bob.put(`${target()}/reaction`, {}), "kind");
    expectError(await bob.put(`/api/v1/${type}s/${crypto.randomUUID()}/reaction`, { kind: "LIKE" }), 404, "NOT_FOUND");
    expectError(await bob.put(`/api/v1/${type}s/not-an-id/reaction`, { kind: "LIKE" }), 404, "NOT_FOUND");
    expectError(await bob.delete(`/api/v1/${type}s/${crypto.randomUUID()}/reaction`), 404, "NOT_FOUND");
  });

  it("403 for a banned member", async () => {
    const carol = await server.member("carol");
    await server.db.ban(carol.me.user.id);
    expectError(await carol.put(`${target()}/reaction`, { kind: "LIKE" }), 403, "FORBIDDEN");
  });
});
