import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, signedUpClient } from "@/test/harness";
import { useTwoNodes } from "@/test/cluster";
import { testRedisUrl } from "@/test/redis";
import { expectError, expectOk } from "@/test/expect";
import { connectSocket, disconnected, handshakeOutcome, nextEvent } from "@/test/sockets";
import { signOut, withCookieOf } from "@/test/accounts";

const server = useServer();
const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[sessions multinode] skipped: ${redis.reason}`);

/** A session ended on one node is dead on every node within a second (issue #9). */
describe.skipIf(!redis.url)("ending a session across nodes", () => {
  const nodes = useTwoNodes(server.databaseUrl, redis.url!);

  it("sign-out on node A: node B's socket gets session:ended and closes within 1 s, B's HTTP 401, B's handshake unauthorized", async () => {
    const member = await signedUpClient(nodes.a.origin, "twonode");
    const onB = withCookieOf(member, nodes.b.origin);
    // B has looked this session up (and cached it) over HTTP and at the handshake.
    expectOk(await onB.get("/api/v1/me"));
    const socket = await connectSocket(nodes.b.origin, onB);
    const ended = nextEvent(socket, "session:ended", () => true, 1000);
    const closed = disconnected(socket);

    await signOut(member);
    expect(await ended).toEqual({ reason: "signed-out" });
    expect(await closed).toBe("io server disconnect");
    expectError(await onB.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect(await handshakeOutcome(nodes.b.origin, onB)).toBe("unauthorized");
  });

  it("sign out everywhere else from node B ends node A's sessions and sockets, not B's own", async () => {
    const member = await signedUpClient(nodes.b.origin, "elsewhere");
    const onA = createClient(nodes.a.origin);
    await onA.signIn(member.me.email, member.me.password);
    expectOk(await onA.get("/api/v1/me"));
    const socketA = await connectSocket(nodes.a.origin, onA);
    const ended = nextEvent(socketA, "session:ended", () => true, 1000);

    expectOk(await member.delete("/api/v1/me/sessions"), 204);
    expect(await ended).toEqual({ reason: "signed-out" });
    expectError(await onA.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectOk(await member.get("/api/v1/me"));
  });
});
