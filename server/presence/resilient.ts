import type { UserRef } from "../dto";
import { childLogger } from "../logger";
import { createMemoryPresence, type PresenceStore } from "./presence";

const log = childLogger("presence");

/**
 * Shared presence (Redis) that degrades to this node's own view while Redis is away: every
 * change is also kept in memory, reads come from Redis when it answers and from memory when
 * it does not, and when Redis returns this node's sockets are written back (an outage may
 * have emptied it). Redis commands fail fast on the request path (no offline queue, short
 * timeouts: server/redis/link.ts), so a presence read never holds a request.
 */
export function createResilientPresence(
  shared: PresenceStore,
  link: { isUp(): boolean; onRecovered(fn: () => void): void },
): PresenceStore {
  const local = createMemoryPresence();
  /** This node's sockets: socketId → the member, or null for a guest. */
  const mine = new Map<string, UserRef | null>();

  async function orLocal<T>(shared: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!link.isUp()) return fallback();
    try {
      return await shared();
    } catch (err) {
      log.debug({ err }, "shared presence unavailable: using this node's view");
      return fallback();
    }
  }

  link.onRecovered(() => {
    void (async () => {
      for (const [socketId, user] of [...mine]) {
        if (user) await shared.add(user, socketId);
        else await shared.addGuest(socketId);
      }
    })().catch((err) => log.warn({ err }, "could not restore this node's presence in Redis"));
  });

  return {
    async add(user, socketId) {
      mine.set(socketId, user);
      const first = await local.add(user, socketId);
      return orLocal(
        () => shared.add(user, socketId),
        async () => first,
      );
    },
    async remove(userId, socketId) {
      mine.delete(socketId);
      const last = await local.remove(userId, socketId);
      return orLocal(
        () => shared.remove(userId, socketId),
        async () => last,
      );
    },
    async addGuest(socketId) {
      mine.set(socketId, null);
      await local.addGuest(socketId);
      await orLocal(
        () => shared.addGuest(socketId),
        async () => {},
      );
    },
    async removeGuest(socketId) {
      mine.delete(socketId);
      await local.removeGuest(socketId);
      await orLocal(
        () => shared.removeGuest(socketId),
        async () => {},
      );
    },
    snapshot: () => orLocal(shared.snapshot, local.snapshot),
    counts: () => orLocal(shared.counts, local.counts),
    async clearNode() {
      mine.clear();
      await local.clearNode();
      await orLocal(
        () => shared.clearNode(),
        async () => {},
      );
    },
    stop() {
      shared.stop();
    },
  };
}
