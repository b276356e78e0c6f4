import { describe, expect, it } from "vitest";
import { createAccessCache } from "../users/access-cache";
import { createUsersRepository } from "../users/users.repository";
import { requestViewer, resolveSession } from "../auth/session";
import { mintSessionToken } from "@/test/harness";
import { useServices } from "@/test/services";

/**
 * A member with several sockets holds one access object, not a copy per socket: the sessions
 * service answers every lookup with the row the node's access cache keeps, and the sign-in
 * session travels beside it. Real services over the real database, with an access cache.
 */
const { services } = useServices((db) => {
  const usersRepo = createUsersRepository(db);
  const accessCache = createAccessCache({ find: (id) => usersRepo.findAccess(id), findMany: (ids) => usersRepo.findAccessMany(ids) });
  // Nothing changes members here behind the cache's back, so it may keep rows without a listener.
  accessCache.setLive(true);
  return { accessCache };
});

const SECRET = "sessions-service-test-secret-0123456789";

async function memberWithSessions(count: number) {
  const username = `sess_${process.pid}_${Date.now().toString(36)}`;
  const user = await services.users.createAccount({
    email: `${username}@parley.test`,
    username,
    password: "correct horse battery",
    role: "MEMBER",
  });
  const sids = await Promise.all(Array.from({ length: count }, () => services.sessions.create(user.id, "test")));
  const tokens = await Promise.all(sids.map((sid) => mintSessionToken(SECRET, { sub: user.id, sv: 0, sid })));
  return { user, sids, tokens };
}

describe("session lookups", () => {
  it("give every socket of a member the same access object, with each socket's own session beside it", async () => {
    const { user, sids, tokens } = await memberWithSessions(3);
    const results = await Promise.all(tokens.map((token) => resolveSession(token, SECRET, services.sessions.lookupForSocket)));
    const oks = results.map((r) => (r.status === "ok" ? r : expect.unreachable(`session ${r.status}`)));
    expect(oks.map((r) => r.sessionId)).toEqual(sids);
    expect(oks[0].viewer.id).toBe(user.id);
    // Same object, no sessionId of its own, frozen: what a socket keeps is shared.
    expect(oks[1].viewer).toBe(oks[0].viewer);
    expect(oks[2].viewer).toBe(oks[0].viewer);
    expect(oks[0].viewer.sessionId).toBeUndefined();
    expect(Object.isFrozen(oks[0].viewer)).toBe(true);
    // A second wave of handshakes (a reconnect) is answered with that object again.
    const again = await resolveSession(tokens[0], SECRET, services.sessions.lookupForSocket);
    expect(again.status === "ok" && again.viewer).toBe(oks[0].viewer);
  });

  it("give a request its own viewer naming its session, over the shared row", async () => {
    const { sids, tokens } = await memberWithSessions(2);
    const a = await resolveSession(tokens[0], SECRET, services.sessions.lookup);
    const b = await resolveSession(tokens[1], SECRET, services.sessions.lookup);
    expect(a.status === "ok" && b.status === "ok" && a.viewer === b.viewer).toBe(true);
    const [va, vb] = [requestViewer(a), requestViewer(b)];
    expect(va?.sessionId).toBe(sids[0]);
    expect(vb?.sessionId).toBe(sids[1]);
    expect(requestViewer({ status: "anonymous" })).toBeNull();
  });
});
