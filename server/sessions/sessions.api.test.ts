import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, mintSessionToken, SESSION_COOKIE } from "@/test/harness";
import { expectError, expectOk } from "@/test/expect";
import { closeAllSockets, connectSocket, disconnected, handshakeOutcome, nextEvent } from "@/test/sockets";
import { signOut, withCookieOf } from "@/test/accounts";
import { ZSessionInfo } from "@/server/shapes";

const server = useServer();
afterAll(closeAllSockets);

/** A second sign-in of the same member, on its own cookie jar. */
async function secondSignIn(member: Awaited<ReturnType<typeof server.member>>) {
  const other = createClient(server.origin);
  await other.signIn(member.me.email, member.me.password);
  return other;
}

describe("GET /api/v1/me/sessions", () => {
  it("lists one session per sign-in, the current one marked, with its user agent", async () => {
    const member = await server.member("sessions");
    const other = createClient(server.origin);
    await other.signIn(member.me.email, member.me.password);
    const res = await member.get("/api/v1/me/sessions");
    expectOk(res);
    expect(res.json.sessions).toHaveLength(2);
    for (const s of res.json.sessions) ZSessionInfo.parse(s);
    expect(res.json.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(res.json.sessions.every((s: { userAgent: string }) => typeof s.userAgent === "string")).toBe(true);
    const mine = (await other.get("/api/v1/me/sessions")).json.sessions.find((s: { current: boolean }) => s.current);
    expect(res.json.sessions.find((s: { current: boolean }) => s.current).id).not.toBe(mine.id);
  });

  it("401 without a session", async () => {
    expectError(await server.anonymous().get("/api/v1/me/sessions"), 401, "UNAUTHENTICATED");
  });
});

describe("signing out ends the session on the server", () => {
  it("a copied cookie gets 401 after sign-out, its socket session:ended and then unauthorized", async () => {
    const member = await server.member("signout");
    const copy = withCookieOf(member);
    expectOk(await copy.get("/api/v1/me"));
    const socket = await connectSocket(server.origin, copy);
    const ended = nextEvent(socket, "session:ended", () => true, 1000);
    const closed = disconnected(socket);

    await signOut(member);
    expect(await ended).toEqual({ reason: "signed-out" });
    expect(await closed).toBe("io server disconnect");
    expectError(await copy.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await copy.post("/api/v1/posts", { categorySlug: "general", title: "t", body: "b" }), 401, "UNAUTHENTICATED");
    expect(await handshakeOutcome(server.origin, copy)).toBe("unauthorized");
    // NextAuth's own endpoint agrees: no session, and the cookie is cleared.
    expect((await copy.get("/api/auth/session")).json).toEqual({});
  });

  it("another sign-in of the same member keeps working", async () => {
    const member = await server.member("keep");
    const other = await secondSignIn(member);
    await signOut(member);
    expectOk(await other.get("/api/v1/me"));
  });

  it("refuses a token without a session id (issued before sessions were rows)", async () => {
    const member = await server.member("nosid");
    const client = server.anonymous();
    client.setCookie(SESSION_COOKIE, await mintSessionToken(server.secret, { sub: member.me.user.id, sv: 0 }));
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });
});

describe("DELETE /api/v1/me/sessions/:id", () => {
  it("signs that session out: 204, its cookie 401, its socket session:ended; the current one stays", async () => {
    const member = await server.member("endone");
    const other = await secondSignIn(member);
    const otherId = (await other.get("/api/v1/me/sessions")).json.sessions.find((s: { current: boolean }) => s.current).id;
    const socket = await connectSocket(server.origin, other);
    const ended = nextEvent(socket, "session:ended", () => true, 1000);

    expectOk(await member.delete(`/api/v1/me/sessions/${otherId}`), 204);
    expect(await ended).toEqual({ reason: "signed-out" });
    expectError(await other.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectOk(await member.get("/api/v1/me"));
    expect((await member.get("/api/v1/me/sessions")).json.sessions.map((s: { id: string }) => s.id)).not.toContain(otherId);
  });

  it("404 for someone else's session, an unknown id or a malformed one; nothing changes", async () => {
    const member = await server.member("notmine");
    const stranger = await server.member("stranger");
    const theirs = (await stranger.get("/api/v1/me/sessions")).json.sessions[0].id;
    expectError(await member.delete(`/api/v1/me/sessions/${theirs}`), 404, "NOT_FOUND");
    expectError(await member.delete(`/api/v1/me/sessions/${crypto.randomUUID()}`), 404, "NOT_FOUND");
    expectError(await member.delete("/api/v1/me/sessions/not-a-uuid"), 404, "NOT_FOUND");
    expectOk(await stranger.get("/api/v1/me"));
  });

  it("401 signed out, 403 cross-site", async () => {
    expectError(await server.anonymous().delete(`/api/v1/me/sessions/${crypto.randomUUID()}`), 401, "UNAUTHENTICATED");
    const member = await server.member("xsite");
    const id = (await member.get("/api/v1/me/sessions")).json.sessions[0].id;
    expectError(await member.delete(`/api/v1/me/sessions/${id}`, { origin: "https://evil.example" }), 403, "FORBIDDEN");
    expectOk(await member.get("/api/v1/me"));
  });
});

describe("DELETE /api/v1/me/sessions (sign out everywhere else)", () => {
  it("ends every other session, live sockets included, and keeps this one", async () => {
    const member = await server.member("everywhere");
    const others = [await secondSignIn(member), await secondSignIn(member)];
    const sockets = await Promise.all(others.map((o) => connectSocket(server.origin, o)));
    const mine = await connectSocket(server.origin, member);
    const ended = sockets.map((s) => nextEvent(s, "session:ended", () => true, 1000));
    let mineEnded = false;
    mine.on("session:ended", () => (mineEnded = true));

    expectOk(await member.delete("/api/v1/me/sessions"), 204);
    expect(await Promise.all(ended)).toEqual([{ reason: "signed-out" }, { reason: "signed-out" }]);
    for (const o of others) expectError(await o.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectOk(await member.get("/api/v1/me"));
    expect((await member.get("/api/v1/me/sessions")).json.sessions).toHaveLength(1);
    // The current socket saw nothing and still works.
    expect(await mine.timeout(2000).emitWithAck("subscribe", { room: "forum" })).toMatchObject({ ok: true });
    expect(mineEnded).toBe(false);
    expect(mine.connected).toBe(true);
  });
});
