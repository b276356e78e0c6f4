import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { uniqueName } from "@/test/harness";

const server = useServer();
const WRITERS = 10;
const EACH = 5;

describe("comments under concurrent writers", () => {
  it(`${WRITERS} members posting ${EACH} comments each at once: seq 1..N, no gap, no duplicate, commentCount N`, async () => {
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => server.member("writer")));
    const postId = (await writers[0].post("/api/v1/posts", { categorySlug: "general", title: "Busy thread", body: "go" })).json.post.id;

    const results = await Promise.all(
      writers.flatMap((w, i) =>
        Array.from({ length: EACH }, (_, j) => w.post(`/api/v1/posts/${postId}/comments`, { body: `writer ${i} comment ${j}` })),
      ),
    );
    const N = WRITERS * EACH;
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));

    const returned = results.map((r) => r.json.comment.seq).sort((a, b) => a - b);
    expect(returned).toEqual(Array.from({ length: N }, (_, k) => k + 1));

    const list = await server.anonymous().get(`/api/v1/posts/${postId}/comments?limit=200`);
    const comments: { id: string; seq: number; body: string }[] = list.json.comments;
    expect(comments.map((c) => c.seq)).toEqual(Array.from({ length: N }, (_, k) => k + 1));
    expect(new Set(comments.map((c) => c.id)).size).toBe(N);
    expect(new Set(comments.map((c) => c.body)).size).toBe(N);

    const post = (await server.anonymous().get(`/api/v1/posts/${postId}`)).json.post;
    expect(post.commentCount).toBe(N);
    expect(post.lastSeq).toBe(N);
  });

  it("the same clientId sent 5 times at once by one author makes exactly one comment", async () => {
    const author = await server.member("retrier");
    const postId = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Flaky network", body: "retry" })).json.post.id;
    const clientId = `retry-${uniqueName()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => author.post(`/api/v1/posts/${postId}/comments`, { body: "sent once, delivered 5 times", clientId })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json.comment.id)).size).toBe(1);
    const list = await server.anonymous().get(`/api/v1/posts/${postId}/comments`);
    expect(list.json.comments).toHaveLength(1);
    expect(list.json.comments[0].seq).toBe(1);
    // No seq was burnt by the losing attempts: the next comment is 2.
    const next = await author.post(`/api/v1/posts/${postId}/comments`, { body: "next" });
    expect(next.json.comment.seq).toBe(2);
    expect((await server.anonymous().get(`/api/v1/posts/${postId}`)).json.post.commentCount).toBe(2);
  });
});
