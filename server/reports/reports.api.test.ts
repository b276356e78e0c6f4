import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client, SignedUp } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
let alice: Client & { me: SignedUp };
let postId: string;
let commentId: string;

beforeAll(async () => {
  alice = await server.member("alice");
  postId = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "Questionable", body: "content" })).json.post.id;
  commentId = (await alice.post(`/api/v1/posts/${postId}/comments`, { body: "also questionable" })).json.comment.id;
});

describe("POST /api/v1/reports", () => {
  it.each([
    ["post", () => postId],
    ["comment", () => commentId],
  ])("201 for a %s; the same member reporting it again gets the open report (200)", async (targetType, id) => {
    const bob = await server.member("bob");
    const res = await bob.post("/api/v1/reports", { targetType, targetId: id(), reason: "spam link" });
    expectOk(res, 201);
    expect(res.json.report).toMatchObject({
      id: expect.any(String),
      targetType,
      targetId: id(),
      reason: "spam link",
      status: "open",
      reporter: { id: bob.me.user.id, username: bob.me.user.username },
    });
    const again = await bob.post("/api/v1/reports", { targetType, targetId: id(), reason: "still spam" });
    expectOk(again, 200);
    expect(again.json.report.id).toBe(res.json.report.id);
    expect(again.json.report.reason).toBe("spam link");

    // A different member's report is a separate one.
    const carol = await server.member("carol");
    const theirs = await carol.post("/api/v1/reports", { targetType, targetId: id(), reason: "agree, spam" });
    expectOk(theirs, 201);
    expect(theirs.json.report.id).not.toBe(res.json.report.id);
  });

  it("401 for anonymous visitors, 403 for banned members", async () => {
    expectError(
      await server.anonymous().post("/api/v1/reports", { targetType: "post", targetId: postId, reason: "spam" }),
      401,
      "UNAUTHENTICATED",
    );
    const banned = await server.member("banned");
    await server.db.ban(banned.me.user.id);
    expectError(await banned.post("/api/v1/reports", { targetType: "post", targetId: postId, reason: "spam" }), 403, "FORBIDDEN");
  });

  it("404 for a target that does not exist, is malformed, or is the wrong type", async () => {
    const bob = await server.member("bob");
    expectError(await bob.post("/api/v1/reports", { targetType: "post", targetId: crypto.randomUUID(), reason: "spam" }), 404, "NOT_FOUND");
    expectError(await bob.post("/api/v1/reports", { targetType: "comment", targetId: "abc", reason: "spam" }), 404, "NOT_FOUND");
    expectError(await bob.post("/api/v1/reports", { targetType: "comment", targetId: postId, reason: "spam" }), 404, "NOT_FOUND");
  });

  it("400 with details for a bad target type and a too-short reason", async () => {
    const bob = await server.member("bob");
    expectValidation(await bob.post("/api/v1/reports", { targetType: "user", targetId: postId, reason: "x" }), "targetType", "reason");
    expectValidation(await bob.post("/api/v1/reports", { targetType: "post", targetId: postId, reason: "r".repeat(1001) }), "reason");
    expectValidation(await bob.post("/api/v1/reports", {}), "targetType", "targetId", "reason");
  });
});
