import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();

async function thread() {
  const [alice, bob, carol] = await Promise.all([server.member("alice"), server.member("bob"), server.member("carol")]);
  const post = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "Alice asks", body: "anyone?" })).json.post;
  return { alice, bob, carol, post };
}

describe("notifications", () => {
  it("a comment on alice's post gives alice a REPLY; an @mention gives carol a MENTION", async () => {
    const { alice, bob, carol, post } = await thread();
    const c = (await bob.post(`/api/v1/posts/${post.id}/comments`, { body: `I think @${carol.me.user.username} knows` })).json.comment;

    const forAlice = await alice.get("/api/v1/notifications");
    expectOk(forAlice);
    expect(forAlice.json.unread).toBe(1);
    expect(forAlice.json.notifications).toEqual([
      {
        id: expect.any(String),
        kind: "REPLY",
        actor: { id: bob.me.user.id, username: bob.me.user.username, avatarUrl: null },
        post: { id: post.id, title: "Alice asks" },
        comment: { id: c.id, seq: 1 },
        postId: post.id,
        postTitle: "Alice asks",
        commentId: c.id,
        excerpt: expect.stringContaining("knows"),
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);

    const forCarol = (await carol.get("/api/v1/notifications")).json;
    expect(forCarol.notifications).toHaveLength(1);
    expect(forCarol.notifications[0]).toMatchObject({ kind: "MENTION", commentId: c.id, actor: { id: bob.me.user.id } });

    // Nobody is told about their own comment.
    expect((await bob.get("/api/v1/notifications")).json).toEqual({ notifications: [], unread: 0, nextCursor: null });
  });

  it("alice mentioned on her own post gets one REPLY, not a MENTION as well", async () => {
    const { alice, bob, post } = await thread();
    await bob.post(`/api/v1/posts/${post.id}/comments`, { body: `thanks @${alice.me.user.username}` });
    const list = (await alice.get("/api/v1/notifications")).json.notifications;
    expect(list.map((n: { kind: string }) => n.kind)).toEqual(["REPLY"]);
  });

  it("marks given ids, then all, as read", async () => {
    const { alice, bob, post } = await thread();
    for (const body of ["one", "two", "three"]) await bob.post(`/api/v1/posts/${post.id}/comments`, { body });
    const list = (await alice.get("/api/v1/notifications")).json;
    expect(list.unread).toBe(3);
    const [first] = list.notifications;

    const res = await alice.post("/api/v1/notifications/read", { ids: [first.id] });
    expectOk(res);
    expect(res.json).toEqual({ unread: 2 });
    const after = (await alice.get("/api/v1/notifications")).json.notifications;
    expect(after.find((n: { id: string }) => n.id === first.id).readAt).toEqual(expect.any(String));

    // Someone else's ids are not theirs to mark.
    expect((await bob.post("/api/v1/notifications/read", { ids: [after[1].id] })).json).toEqual({ unread: 0 });
    expect((await alice.get("/api/v1/notifications")).json.unread).toBe(2);

    expect((await alice.post("/api/v1/notifications/read", {})).json).toEqual({ unread: 0 });
  });

  it("{all: true} marks every one read; unread=1 lists only unread ones, a page at a time", async () => {
    const { alice, bob, post } = await thread();
    for (const body of ["one", "two", "three"]) await bob.post(`/api/v1/posts/${post.id}/comments`, { body });
    const page = (await alice.get("/api/v1/notifications?unread=1&limit=2")).json;
    expect(page.notifications).toHaveLength(2);
    const next = (await alice.get(`/api/v1/notifications?unread=1&limit=2&cursor=${page.nextCursor}`)).json;
    expect(next).toMatchObject({ nextCursor: null, unread: 3 });
    expect(next.notifications).toHaveLength(1);
    expect((await alice.post("/api/v1/notifications/read", { all: true })).json).toEqual({ unread: 0 });
    expect((await alice.get("/api/v1/notifications?unread=1")).json.notifications).toEqual([]);
    expectValidation(await alice.get("/api/v1/notifications?cursor=nonsense"), "cursor");
  });

  it("401 for anonymous visitors; 400 for malformed ids", async () => {
    expectError(await server.anonymous().get("/api/v1/notifications"), 401, "UNAUTHENTICATED");
    expectError(await server.anonymous().post("/api/v1/notifications/read", {}), 401, "UNAUTHENTICATED");
    const alice = await server.member("alice");
    expectValidation(await alice.post("/api/v1/notifications/read", { ids: ["not-a-uuid"] }), "ids.0");
    expectValidation(await alice.post("/api/v1/notifications/read", { ids: "all" }), "ids");
  });
});
