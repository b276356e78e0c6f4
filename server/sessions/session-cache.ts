/**
 * Positive session lookups, kept briefly per node: a session id known to exist (and whose
 * user it belongs to). Revocations clear entries on every node through the realtime relay
 * (Publisher.accessChanged with an ended session), so a revoked session stops working within the relay's latency;
 * the short TTL bounds staleness if that message is lost (Redis away).
 */
export interface SessionCache {
  get(id: string): { userId: string; lastSeenAt: number } | undefined;
  set(id: string, entry: { userId: string; lastSeenAt: number }): void;
  forget(ids: readonly string[]): void;
}

export function createSessionCache({ ttlMs = 10_000, max = 20_000, now = Date.now } = {}): SessionCache {
  const entries = new Map<string, { userId: string; lastSeenAt: number; expires: number }>();
  return {
    get(id) {
      const e = entries.get(id);
      if (!e) return undefined;
      if (e.expires <= now()) {
        entries.delete(id);
        return undefined;
      }
      return e;
    },
    set(id, entry) {
      entries.delete(id);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(id, { ...entry, expires: now() + ttlMs });
    },
    forget(ids) {
      for (const id of ids) entries.delete(id);
    },
  };
}
