import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { closeAllSockets, connectSocket, nextEvent, subscribe } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

/** `comment:create`: the HTTP comment write over the socket, with the same rules. */
describe("comment:create over the socket", () => {
  it("creates the comment, acks it and publishes it to the post's subscribers", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Socket writes", body: "x" });
    const writer = await connectSocket(server.origin, bob);
    const watcher = await connectSocket(server.origin);
    await subscribe(watcher, `post:${json.post.id}`);

    const live = nextEvent(watcher, "comment:created");
    const ack = await writer.emitWithAck("comment:create", { postId: json.post.id, body: "over the **socket**", clientId: "sock-1" });
    expect(ack).toMatchObject({ ok: true, created: true, comment: { seq: 1, body: "over the **socket**", author: { username: bob.me.user.username } } });
    if (!ack.ok) throw new Error("unreachable");
    expect(ack.comment.bodyHtml).toContain("<strong>socket</strong>");
    expect((await live).comment.id).toBe(ack.comment.id);

    const again = await writer.emitWithAck("comment:create", { postId: json.post.id, body: "over the **socket**", clientId: "sock-1" });
    expect(again).toMatchObject({ ok: true, created: false, comment: { id: ack.comment.id } });
    const viaHttp = await bob.post(`/api/v1/posts/${json.post.id}/comments`, { body: "over the **socket**", clientId: "sock-1" });
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.json.comment.id).toBe(ack.comment.id);
    const { json: list } = await alice.get(`/api/v1/posts/${json.post.id}/comments`);
    expect(list.comments).toHaveLength(1);
  });

  it("refuses what HTTP refuses, in the contract's error codes", async () => {
    const alice = await server.member("alice");
    const moe = await server.moderator();
    const { json } = await alice.post("/api/v1/posts", { categorySlug: "general", title: "Socket rules", body: "x" });
    const anonymous = await connectSocket(server.origin);
    expect(await anonymous.emitWithAck("comment:create", { postId: json.post.id, body: "hi" })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });

    const writer = await connectSocket(server.origin, alice);
    expect(await writer.emitWithAck("comment:create", { postId: json.post.id, body: "   " })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await writer.emitWithAck("comment:create", { postId: "not-a-uuid", body: "hi" })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await writer.emitWithAck("comment:create", { postId: crypto.randomUUID(), body: "hi" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    await moe.patch(`/api/v1/admin/posts/${json.post.id}`, { locked: true });
    expect(await writer.emitWithAck("comment:create", { postId: json.post.id, body: "hi" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
