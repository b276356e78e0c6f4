import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { signedUpClient, TEST_PASSWORD } from "@/test/harness";
import { useTwoNodes } from "@/test/cluster";
import { testRedisUrl } from "@/test/redis";
import { expectError, expectOk } from "@/test/expect";
import { connectSocket, disconnected, handshakeOutcome, nextEvent } from "@/test/sockets";
import { withCookieOf } from "@/test/accounts";

const server = useServer();
const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[deletion multinode] skipped: ${redis.reason}`);

/** Deleting an account on one node ends its sessions and sockets on every node. */
describe.skipIf(!redis.url)("account deletion across nodes", () => {
  const nodes = useTwoNodes(server.databaseUrl, redis.url!);

  it("deleted on node A: node B's socket gets session:ended {reason: deleted} and closes; B answers 401", async () => {
    const member = await signedUpClient(nodes.a.origin, "gone");
    const onB = withCookieOf(member, nodes.b.origin);
    expectOk(await onB.get("/api/v1/me"));
    const socket = await connectSocket(nodes.b.origin, onB);
    const ended = nextEvent(socket, "session:ended", () => true, 2000);
    const closed = disconnected(socket);

    expectOk(await member.request("DELETE", "/api/v1/me", { password: TEST_PASSWORD }), 204);
    expect(await ended).toEqual({ reason: "deleted" });
    expect(await closed).toBe("io server disconnect");
    expectError(await onB.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect(await handshakeOutcome(nodes.b.origin, onB)).toBe("unauthorized");
  });
});
