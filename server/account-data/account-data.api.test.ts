import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, TEST_PASSWORD } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";
import { closeAllSockets, connectSocket, disconnected, nextEvent } from "@/test/sockets";
import { withCookieOf } from "@/test/accounts";
import { png } from "@/test/images";
import { unsubscribeToken } from "./unsubscribe-token";

const server = useServer();
afterAll(closeAllSockets);

async function postBy(client: ReturnType<typeof server.anonymous>, title = "A post to talk about") {
  const res = await client.post("/api/v1/posts", { categorySlug: "general", title, body: "Some **body** text." });
  expectOk(res, 201);
  return res.json.post as { id: string };
}
async function commentOn(client: ReturnType<typeof server.anonymous>, postId: string, body: string) {
  const res = await client.post(`/api/v1/posts/${postId}/comments`, { body });
  expectOk(res, 201);
  return res.json.comment as { id: string; seq: number };
}
const uploadAvatar = (client: ReturnType<typeof server.anonymous>, bytes: Uint8Array) =>
  client.request("PUT", "/api/v1/me/avatar", undefined, { rawBody: bytes, headers: { "content-type": "image/png" } });
const avatarStatus = async (url: string) => (await fetch(server.origin + url)).status;
const deleteMe = (client: ReturnType<typeof server.anonymous>, body: unknown) => client.request("DELETE", "/api/v1/me", body);

describe("GET /api/v1/me/export", () => {
  it("is a JSON attachment with the member's own data, and nothing private of anyone else", async () => {
    const me = await server.member("exporter");
    const other = await server.member("neighbour");
    const post = await postBy(me, "My exported post");
    const mine = await commentOn(me, post.id, "my own comment");
    const theirs = await commentOn(other, post.id, "a neighbour's comment with a secret word: xyzzy");
    expectOk(await me.put(`/api/v1/comments/${theirs.id}/reaction`, { kind: "LIKE" }));
    expectOk(await me.put("/api/v1/drafts/new-post", { title: "half a thought", body: "draft body" }), 204);
    expectOk(await me.put(`/api/v1/posts/${post.id}/read`, { seq: 1 }), 204);

    const res = await me.get("/api/v1/me/export");
    expectOk(res);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="parley-exporter_[0-9a-f]+-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.json;
    expect(data.profile).toMatchObject({ id: me.me.user.id, username: me.me.user.username, email: me.me.email, emailNotifications: true });
    expect(data.posts.map((p: { id: string }) => p.id)).toEqual([post.id]);
    expect(data.comments.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(data.reactions).toEqual([expect.objectContaining({ targetType: "comment", targetId: theirs.id, kind: "LIKE" })]);
    // The neighbour's comment on my post notified me: it is mine to keep, by ids and excerpt only.
    expect(data.notifications).toEqual([expect.objectContaining({ kind: "REPLY", actorId: other.me.user.id, commentId: theirs.id })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.drafts).toEqual([expect.objectContaining({ key: "new-post", body: "draft body" })]);
    expect(data.readPositions).toEqual([expect.objectContaining({ postId: post.id })]);
    expect(data.watches).toEqual([expect.objectContaining({ postId: post.id, level: "watching" })]);

    const text = res.text;
    expect(text).not.toContain(other.me.email);
    expect(text).not.toContain("a neighbour's comment");
    expect(text).not.toMatch(/passwordHash|\$argon2|tokenHash|sessionVersion/);
  });

  it("401 signed out", async () => {
    expectError(await server.anonymous().get("/api/v1/me/export"), 401, "UNAUTHENTICATED");
  });
});

describe("DELETE /api/v1/me", () => {
  it("refuses a wrong or missing password with a password detail, and changes nothing", async () => {
    const me = await server.member("keeper");
    expectValidation(await deleteMe(me, { password: "not my password" }), "password");
    expectValidation(await deleteMe(me, {}), "password");
    expectOk(await me.get("/api/v1/me"));
  });

  it("removes the account: 401 on the old cookie, the socket closed, content kept as a deleted member, email and username free", async () => {
    const me = await server.member("leaver");
    const reader = await server.member("reader");
    const post = await postBy(reader, "Thread with a leaver");
    const comment = await commentOn(me, post.id, "a comment that outlives its author");
    const copy = withCookieOf(me);
    const socket = await connectSocket(server.origin, me);
    const ended = nextEvent(socket, "session:ended", () => true, 5000);
    const closed = disconnected(socket);

    expectOk(await deleteMe(me, { password: TEST_PASSWORD }), 204);
    expect(await ended).toEqual({ reason: "deleted" });
    expect(await closed).toBe("io server disconnect");
    expectError(await copy.get("/api/v1/me"), 401, "UNAUTHENTICATED");

    const comments = (await reader.get(`/api/v1/posts/${post.id}/comments`)).json.comments;
    const kept = comments.find((c: { id: string }) => c.id === comment.id);
    expect(kept.body).toBe("a comment that outlives its author");
    expect(kept.author).toEqual({ id: me.me.user.id, username: "", avatarUrl: null, deleted: true });
    expectError(await reader.get(`/api/v1/users/${encodeURIComponent(me.me.user.username)}`), 404, "NOT_FOUND");

    const { rows } = await server.db.query(`SELECT email, username, bio, "passwordHash", "deletedAt" FROM "User" WHERE id = $1`, [me.me.user.id]);
    expect(rows[0].email).not.toContain(me.me.email);
    expect(rows[0].username).not.toBe(me.me.user.username);
    expect(rows[0].passwordHash).toBe("");
    expect(rows[0].deletedAt).not.toBeNull();

    expect((await createClient(server.origin).trySignIn(me.me.email, TEST_PASSWORD)).ok).toBe(false);
    const again = createClient(server.origin);
    const fresh = await again.signUp(me.me.user.username, { email: me.me.email });
    expect(fresh.user.id).not.toBe(me.me.user.id);
    expect((await again.get("/api/v1/me")).json.user.username).toBe(me.me.user.username);
  });

  it("removes the avatar's stored object, but not one another member shows too", async () => {
    const leaving = await server.member("pictured");
    const staying = await server.member("lookalike");
    const own = await uploadAvatar(leaving, await png(120, 120, { r: 200, g: 30, b: 90 }));
    const shared = await png(120, 120, { r: 10, g: 160, b: 60 });
    const ownUrl: string = own.json.user.avatarUrl;
    expect(await avatarStatus(ownUrl)).toBe(200);
    expectOk(await deleteMe(leaving, { password: TEST_PASSWORD }), 204);
    expect(await avatarStatus(ownUrl)).toBe(404);

    // The same picture on two accounts is one object: it stays while one of them shows it.
    const twin = await server.member("twin");
    const sharedUrl: string = (await uploadAvatar(twin, shared)).json.user.avatarUrl;
    expect((await uploadAvatar(staying, shared)).json.user.avatarUrl).toBe(sharedUrl);
    expectOk(await deleteMe(twin, { password: TEST_PASSWORD }), 204);
    expect(await avatarStatus(sharedUrl)).toBe(200);
  });

  it("is not recorded as a staff action", async () => {
    const me = await server.member("quiet");
    expectOk(await deleteMe(me, { password: TEST_PASSWORD }), 204);
    const { rows } = await server.db.query(`SELECT 1 FROM "ModerationAction" WHERE "targetUserId" = $1`, [me.me.user.id]);
    expect(rows).toHaveLength(0);
  });

  it("401 signed out", async () => {
    expectError(await deleteMe(server.anonymous(), { password: "whatever-password" }), 401, "UNAUTHENTICATED");
  });
});

describe("DELETE /api/v1/admin/users/:id", () => {
  it("an admin deletes a member: audited with who, whom and when, never the content", async () => {
    const admin = await server.admin("deleter");
    const target = await server.member("deletee");
    const post = await postBy(target, "Content that is not audited");
    expectError(await (await server.moderator("nodelete")).delete(`/api/v1/admin/users/${target.me.user.id}`), 403, "FORBIDDEN");

    expectOk(await admin.delete(`/api/v1/admin/users/${target.me.user.id}`), 204);
    expectError(await target.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect((await admin.get(`/api/v1/posts/${post.id}`)).json.post.author).toEqual({ id: target.me.user.id, username: "", avatarUrl: null, deleted: true });

    const audit = (await admin.get(`/api/v1/admin/audit?targetUser=${target.me.user.id}`)).json.entries;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.delete", actor: { id: admin.me.user.id }, targetType: "user", targetUserId: target.me.user.id, before: null, after: null });
    expect(JSON.stringify(audit[0])).not.toContain("Content that is not audited");
    expectError(await admin.delete(`/api/v1/admin/users/${target.me.user.id}`), 404, "NOT_FOUND");
  });

  it("refuses another admin and oneself", async () => {
    const admin = await server.admin("a1");
    const other = await server.admin("a2");
    expectError(await admin.delete(`/api/v1/admin/users/${other.me.user.id}`), 403, "FORBIDDEN");
    expectError(await admin.delete(`/api/v1/admin/users/${admin.me.user.id}`), 403, "FORBIDDEN");
  });
});

describe("mail preferences and unsubscribe links", () => {
  it("GET/PATCH /me/preferences switch notification mail", async () => {
    const me = await server.member("prefs");
    expect((await me.get("/api/v1/me/preferences")).json).toEqual({ emailNotifications: true });
    expect((await me.patch("/api/v1/me/preferences", { emailNotifications: false })).json).toEqual({ emailNotifications: false });
    expect((await me.get("/api/v1/me/preferences")).json).toEqual({ emailNotifications: false });
    expectValidation(await me.patch("/api/v1/me/preferences", { emailNotifications: "no" }), "emailNotifications");
    expectError(await server.anonymous().get("/api/v1/me/preferences"), 401, "UNAUTHENTICATED");
  });

  it("a signed token turns mail off with one POST from anywhere, without sign-in; a forged one is refused", async () => {
    const me = await server.member("unsub");
    const token = unsubscribeToken(server.secret, me.me.user.id);
    const forged = unsubscribeToken("another secret entirely, 32 chars", me.me.user.id);
    const anon = server.anonymous();
    expect((await anon.get(`/api/v1/unsubscribe/${token}`)).json).toEqual({ emailNotifications: true });
    expectError(await anon.post(`/api/v1/unsubscribe/${forged}`, undefined, { origin: null }), 400, "INVALID_TOKEN");
    expectError(await anon.get(`/api/v1/unsubscribe/${me.me.user.id}`), 400, "INVALID_TOKEN");
    expect((await me.get("/api/v1/me/preferences")).json).toEqual({ emailNotifications: true });

    const res = await anon.request("POST", `/api/v1/unsubscribe/${token}`, undefined, {
      origin: "https://mail.example",
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectOk(res, 204);
    expect((await me.get("/api/v1/me/preferences")).json).toEqual({ emailNotifications: false });
    // The page a person reaches from the body link asks first; opening it changes nothing.
    const page = await fetch(`${server.origin}/unsubscribe/${token}`);
    expect(page.status).toBe(200);
  });
});
