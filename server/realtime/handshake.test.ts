import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { mintSessionToken } from "@/test/harness";
import { closeAllSockets, connectSocket, handshakeOutcome } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

describe("socket handshake", () => {
  it("lets a visitor without a cookie in, read-only", async () => {
    const socket = await connectSocket(server.origin);
    expect(await socket.emitWithAck("subscribe", { room: "forum" })).toEqual({ ok: true, room: "forum" });
    const typing = await socket.emitWithAck("typing", { postId: "00000000-0000-4000-8000-000000000000" });
    expect(typing).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("accepts a valid session cookie", async () => {
    const alice = await server.member("alice");
    expect(await handshakeOutcome(server.origin, alice)).toBe("connected");
  });

  it("refuses a forged cookie with unauthorized", async () => {
    const alice = await server.member("alice");
    const sid = await server.db.createSession(alice.me.user.id);
    const forged = await mintSessionToken("not-the-server-secret-at-all-123456", { sub: alice.me.user.id, sv: 0, sid });
    expect(await handshakeOutcome(server.origin, null, { token: forged })).toBe("unauthorized");
    expect(await handshakeOutcome(server.origin, null, { token: "garbage.token.value" })).toBe("unauthorized");
  });

  it("refuses an expired cookie with unauthorized", async () => {
    const alice = await server.member("alice");
    const sid = await server.db.createSession(alice.me.user.id);
    const expired = await mintSessionToken(server.secret, { sub: alice.me.user.id, sv: 0, sid }, -60);
    expect(await handshakeOutcome(server.origin, null, { token: expired })).toBe("unauthorized");
    const fresh = await mintSessionToken(server.secret, { sub: alice.me.user.id, sv: 0, sid });
    expect(await handshakeOutcome(server.origin, null, { token: fresh })).toBe("connected");
  });

  it("stamps the sessions of a burst of handshakes as seen", async () => {
    const dave = await server.member("dave");
    const sids = await Promise.all([1, 2, 3].map(() => server.db.createSession(dave.me.user.id)));
    await server.db.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '2 hours' WHERE id = ANY($1::uuid[])`, [sids]);
    const tokens = await Promise.all(sids.map((sid) => mintSessionToken(server.secret, { sub: dave.me.user.id, sv: 0, sid })));
    const outcomes = await Promise.all(tokens.map((token) => handshakeOutcome(server.origin, null, { token })));
    expect(outcomes).toEqual(["connected", "connected", "connected"]);
    await expect
      .poll(
        async () => {
          const { rows } = await server.db.query(
            `SELECT count(*)::int AS n FROM "Session" WHERE id = ANY($1::uuid[]) AND "lastSeenAt" > now() - interval '1 minute'`,
            [sids],
          );
          return rows[0].n;
        },
        { timeout: 5_000 },
      )
      .toBe(3);
  });

  it("refuses a revoked session (session version bumped) with unauthorized", async () => {
    const bob = await server.member("bob");
    expect(await handshakeOutcome(server.origin, bob)).toBe("connected");
    await server.db.bumpSessionVersion(bob.me.user.id);
    expect(await handshakeOutcome(server.origin, bob)).toBe("unauthorized");
  });

  it("refuses a banned member with forbidden", async () => {
    const carol = await server.member("carol");
    await server.db.ban(carol.me.user.id, "spam");
    expect(await handshakeOutcome(server.origin, carol)).toBe("forbidden");
  });

  it("refuses a foreign Origin and accepts Parley's own", async () => {
    const outcome = await handshakeOutcome(server.origin, null, { origin: "https://evil.example" });
    expect(outcome).not.toBe("connected");
    const polling = await handshakeOutcome(server.origin, null, { origin: "https://evil.example", transports: ["polling"] });
    expect(polling).not.toBe("connected");
    expect(await handshakeOutcome(server.origin, null, { origin: server.origin })).toBe("connected");
  });

  it("validates rooms and their visibility on subscribe", async () => {
    const socket = await connectSocket(server.origin);
    expect(await socket.emitWithAck("subscribe", { room: "nope" })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await socket.emitWithAck("subscribe", { room: "category:no-such-category" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await socket.emitWithAck("subscribe", { room: `post:00000000-0000-4000-8000-000000000000` })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await socket.emitWithAck("subscribe", { room: "category:general" })).toEqual({ ok: true, room: "category:general" });
    // A hidden post is no room for members.
    const author = await server.member("author");
    const { json } = await author.post("/api/v1/posts", { categorySlug: "general", title: "soon hidden", body: "x" });
    await server.db.setPostFlags(json.post.id, { hidden: true });
    expect(await socket.emitWithAck("subscribe", { room: `post:${json.post.id}` })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
