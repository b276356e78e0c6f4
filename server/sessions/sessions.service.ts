import type { Viewer } from "../dto";
import { notFound, unauthenticated } from "../errors";
import { isUuid } from "../ids";
import type { Publisher } from "../realtime/publisher";
import type { SessionEndReason } from "../realtime/access";
import type { SessionCache } from "./session-cache";
import type { SessionsRepository } from "./sessions.repository";
import { batchLookups } from "./batch";

/** "password", or the NextAuth id of the identity provider the member signed in with. */
export type SignInMethod = "password" | "oidc" | "github";

/** How long sessions seen are gathered before their lastSeenAt is written (one UPDATE for all). */
const SEEN_FLUSH_MS = 250;

/** How long a provider sign-in stands in for a password (see isFreshProviderSignIn). */
export const FRESH_PROVIDER_SIGNIN_MS = 10 * 60_000;

export interface SessionsDeps {
  repo: SessionsRepository;
  cache: SessionCache;
  publisher: Publisher;
  /** A user's current access row (role, ban, version), on every request: through the node's access cache. */
  findAccess(id: string): Promise<Viewer | null>;
  /** findAccess for many users in one query (deleted accounts left out). */
  findAccessMany(ids: string[]): Promise<Viewer[]>;
  /** lastSeenAt is written at most this often per session (per node). */
  touchEveryMs?: number;
}

/**
 * Sign-in sessions: one row per sign-in, its id (`sid`) inside the NextAuth JWT. Every
 * request and handshake resolves its session here; ending sessions deletes their rows and
 * then, after that commit, tells every node (which drops them from its cache and closes
 * their sockets with `session:ended`).
 */
export function createSessionsService({ repo, cache, publisher, findAccess, findAccessMany, touchEveryMs = 60_000 }: SessionsDeps) {
  // Sessions seen since the last write, stamped together in one statement every SEEN_FLUSH_MS:
  // a reconnect storm of thousands of members costs a dozen UPDATEs, not one per event-loop
  // turn (about a thousand), and lastSeenAt is kept to the minute anyway.
  let seen = new Set<string>();
  function writeSeen() {
    const ids = [...seen];
    seen = new Set();
    // Bookkeeping only: a failed write must not fail a request.
    repo.touch(ids, new Date()).catch(() => {});
  }
  function touch(sid: string, userId: string, lastSeenAt: number) {
    const now = Date.now();
    if (now - lastSeenAt < touchEveryMs) return;
    cache.set(sid, { userId, lastSeenAt: now });
    if (seen.size === 0) setTimeout(writeSeen, SEEN_FLUSH_MS).unref();
    seen.add(sid);
  }

  async function ended(userId: string, sessionIds: string[], reason: SessionEndReason) {
    if (sessionIds.length === 0) return;
    cache.forget(sessionIds);
    for (const sessionId of sessionIds) publisher.accessChanged({ userId, sessionId, change: { kind: "ended", reason } });
  }

  type SessionRow = { userId: string; lastSeenAt: Date };

  /**
   * A session lookup reading through `readSession` (whose session it is, for sessions this node
   * does not know) and `readAccess` (the member's access row, through the node's access cache):
   * the viewer of session `sid` when it exists and belongs to `userId`, else null. A session and
   * member the node knows cost no query at all.
   */
  function lookupThrough(
    readAccess: (userId: string) => Promise<Viewer | null | undefined>,
    readSession: (sid: string) => Promise<SessionRow | null | undefined>,
  ) {
    return async ({ sub: userId, sid }: { sub: string; sid: string }): Promise<Viewer | null> => {
      if (!isUuid(sid)) return null;
      const known = cache.get(sid);
      let lastSeenAt = known?.userId === userId ? known.lastSeenAt : undefined;
      if (lastSeenAt === undefined) {
        const row = await readSession(sid);
        if (!row || row.userId !== userId) return null;
        lastSeenAt = row.lastSeenAt.getTime();
        cache.set(sid, { userId, lastSeenAt });
      }
      const access = await readAccess(userId);
      if (!access) return null;
      touch(sid, userId, lastSeenAt);
      // The cached row itself, not a copy: a socket holds it for as long as it is connected.
      return access;
    };
  }

  const lookup = lookupThrough(findAccess, repo.find);
  // Handshakes arriving together (a join or reconnect storm) are read in one query per
  // event-loop turn, whether this node knows their sessions or not.
  const lookupForSocket = lookupThrough(
    batchLookups(async (ids) => new Map((await findAccessMany(ids)).map((a) => [a.id, a]))),
    batchLookups(repo.findMany),
  );

  return {
    /** A new sign-in session; `method` is "password" or the identity provider's id ("oidc", "github"). */
    create: (userId: string, userAgent: string, method: SignInMethod = "password") => repo.create(userId, userAgent, method),

    /**
     * Whether `sessionId` was made by signing in at an identity provider within the last 10
     * minutes: for members without a password, that sign-in is the proof a sensitive action
     * (deleting the account) asks for instead of the password.
     */
    async isFreshProviderSignIn(sessionId: string | null | undefined, now = Date.now()): Promise<boolean> {
      if (!sessionId || !isUuid(sessionId)) return false;
      const row = await repo.origin(sessionId);
      return row !== null && row.method !== "password" && now - row.createdAt.getTime() <= FRESH_PROVIDER_SIGNIN_MS;
    },

    lookup,

    /**
     * lookup() for the socket handshake, with the same answer and the same caches, batched (see
     * above). Nothing is kept beyond what lookup() keeps, so a ban, an unban or an ended session
     * acts on every node's next handshake once the change is heard (the database's notification
     * or the relay: milliseconds).
     */
    lookupForSocket,

    /** Whether the session still exists (NextAuth's own session endpoint asks). */
    async isLive(sid: string): Promise<boolean> {
      if (!isUuid(sid)) return false;
      if (cache.get(sid)) return true;
      return (await repo.existing([sid])).has(sid);
    },

    async list(viewer: Viewer | null) {
      if (!viewer) throw unauthenticated();
      const rows = await repo.list(viewer.id);
      return rows.map((r) => ({
        id: r.id,
        current: r.id === viewer.sessionId,
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        userAgent: r.userAgent,
      }));
    },

    /** Signs one of the viewer's sessions out (404 when it is not theirs). */
    async end(viewer: Viewer | null, id: string) {
      if (!viewer) throw unauthenticated();
      const deleted = isUuid(id) ? await repo.delete(viewer.id, [id]) : [];
      if (deleted.length === 0) throw notFound("session");
      await ended(viewer.id, deleted, "signed-out");
    },

    /** "Sign out everywhere else": every session of the viewer but the current one. */
    async endOthers(viewer: Viewer | null) {
      if (!viewer) throw unauthenticated();
      await ended(viewer.id, await repo.deleteAllBut(viewer.id, viewer.sessionId ?? null), "signed-out");
    },

    /** NextAuth's sign-out: the session the cookie names, whoever holds it. */
    async signOut(sid: string) {
      if (!isUuid(sid)) return;
      const row = await repo.find(sid);
      if (!row) return;
      await ended(row.userId, await repo.delete(row.userId, [sid]), "signed-out");
    },

    /** After a password change or reset: every session of the user but `keep` (null: all). */
    async endAllBut(userId: string, keep: string | null, reason: SessionEndReason) {
      await ended(userId, await repo.deleteAllBut(userId, keep), reason);
    },

    existing: repo.existing,
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
