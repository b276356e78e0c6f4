import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, signedUpClient, type Client } from "@/test/harness";
import { useTwoNodes } from "@/test/cluster";
import { testRedisUrl } from "@/test/redis";
import { closeAllSockets, connectSocket, disconnected, handshakeOutcome } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

/**
 * The whole life of a ban, against a member whose socket is open on `memberNode` while the
 * moderator acts through `modNode`: disconnected within a second, refused on reconnect and
 * on writes, and back in business after the unban (with a fresh sign-in: the ban revoked
 * the old session).
 */
async function banLifecycle(memberNode: string, modNode: string, mod: Client) {
  const member = await signedUpClient(memberNode, "banned");
  const post = (await member.post("/api/v1/posts", { categorySlug: "general", title: "Before the ban", body: "x" })).json.post;
  const socket = await connectSocket(memberNode, member);
  const closed = disconnected(socket);

  const res = await mod.post(`/api/v1/admin/users/${member.me.user.id}/ban`, { reason: "spamming links" });
  expect(res.status).toBe(200);
  expect(res.json.user.ban).toMatchObject({ reason: "spamming links", until: null });
  // Cut by the ban itself ("io server disconnect"), not by the periodic session re-check,
  // which runs once a minute. (No wall-clock assertion: CI machines are noisy.)
  expect(await closed).toBe("io server disconnect");

  expect(await handshakeOutcome(memberNode, member)).toBe("forbidden");
  const write = await member.post(`/api/v1/posts/${post.id}/comments`, { body: "let me back" });
  expect(write.status).toBe(403);
  expect(write.json.error.code).toBe("FORBIDDEN");
  expect(write.json.error.message).toMatch(/spamming links/);
  expect((await createClient(memberNode).trySignIn(member.me.email, member.me.password)).ok).toBe(false);

  expect((await mod.post(`/api/v1/admin/users/${member.me.user.id}/unban`)).status).toBe(200);
  // The ban revoked the old session: it is now simply signed out.
  expect(await handshakeOutcome(memberNode, member)).toBe("unauthorized");
  await member.signIn(member.me.email, member.me.password);
  expect(await handshakeOutcome(memberNode, member)).toBe("connected");
  expect((await member.post(`/api/v1/posts/${post.id}/comments`, { body: "behaving now" })).status).toBe(201);

  const audit = (await mod.get(`/api/v1/admin/audit?targetUser=${member.me.user.id}`)).json.entries.map(
    (e: { action: string }) => e.action,
  );
  expect(audit).toEqual(["user.unban", "user.ban"]);
}

describe("bans on one node", () => {
  it("cut the member's socket at once, refuse reconnect and writes, and lift cleanly", async () => {
    await banLifecycle(server.origin, server.origin, await server.moderator("mod"));
  });

  it("expire at their until date", async () => {
    const member = await server.member("temp");
    const mod = await server.moderator("mod");
    const until = new Date(Date.now() + 3600_000).toISOString();
    const res = await mod.post(`/api/v1/admin/users/${member.me.user.id}/ban`, { reason: "cool off", until });
    expect(res.status).toBe(200);
    expect(res.json.user.ban).toMatchObject({ reason: "cool off", until });
    expect(await handshakeOutcome(server.origin, member)).toBe("forbidden");
    // The until date passes: moved into the past rather than waited for, so the check above
    // cannot race the expiry on a slow machine and the test does not sleep.
    await server.db.setBanUntil(member.me.user.id, new Date(Date.now() - 1000));
    // The ban is over, but it revoked the session: signing in again works.
    await member.signIn(member.me.email, member.me.password);
    expect(await handshakeOutcome(server.origin, member)).toBe("connected");
  });
});

const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[bans multi-node] skipped: ${redis.reason}`);

describe.skipIf(!redis.url)("bans across nodes", () => {
  const nodes = useTwoNodes(server.databaseUrl, redis.url!);

  it("disconnect a member connected to the other node", async () => {
    const mod = await signedUpClient(nodes.a.origin, "mod");
    await server.db.setRole(mod.me.user.id, "MODERATOR");
    await banLifecycle(nodes.b.origin, nodes.a.origin, mod);
  });
});
