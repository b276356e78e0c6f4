import type { Viewer } from "../dto";

/** The channel the trigger notifies (prisma/migrations/20261203000000_access_notify). */
export const ACCESS_CHANNEL = "parley_access";

/**
 * Members' access rows (role, ban, session version, name, avatar, email state), kept per node
 * so that a request, a handshake or a member's page does not read its member's row each time.
 *
 * It is only as good as what tells it of changes, so it keeps nothing unless it is `live`:
 * - PostgreSQL announces every committed change to a User row on ACCESS_CHANNEL, whoever made
 *   it: any node, a script, an operator at psql. Each node's listener (server/db/listen.ts)
 *   calls `forget` for that member.
 * - A write to a User row through this node's Prisma client calls `forget` as soon as the
 *   statement has run (server/db/client.ts), so the node that made a change reads it back on the
 *   member's very next request, before the notification arrives.
 * - The relay's access and profile events call `forget` too, on every node.
 * - While the listener is down (the database away, the connection lost) the cache is empty and
 *   every read goes to the database; when it is back, it starts empty again, since changes made
 *   meanwhile were never heard.
 * - An entry also expires after `ttlMs`, which bounds any staleness a lost notification could
 *   cause, and a ban whose end date passes while cached is no ban (as `banOf` reads it).
 * - A read that was in flight while any member was forgotten keeps its answer to itself: it may
 *   have been read before that change committed.
 */
export interface AccessCache {
  /** The member's access, from the cache when it holds them, else from the database. */
  read(id: string): Promise<Viewer | null>;
  /** read() for many members: the ones not cached in one query. Deleted accounts are left out. */
  readMany(ids: string[]): Promise<Viewer[]>;
  forget(id: string): void;
  /** Forgets every member (a write that may have changed any of them). */
  forgetAll(): void;
  /** The listener's state: false empties the cache and bypasses it until true. */
  setLive(live: boolean): void;
}

export interface AccessCacheDeps {
  find(id: string): Promise<Viewer | null>;
  findMany(ids: string[]): Promise<Viewer[]>;
  ttlMs?: number;
  max?: number;
  now?: () => number;
}

/** No cache at all: every read goes to the database (services built without a listener, e.g. in tests). */
export function readThrough({ find, findMany }: Pick<AccessCacheDeps, "find" | "findMany">): AccessCache {
  return { read: find, readMany: findMany, forget() {}, forgetAll() {}, setLive() {} };
}

export function createAccessCache({ find, findMany, ttlMs = 60_000, max = 20_000, now = Date.now }: AccessCacheDeps): AccessCache {
  const entries = new Map<string, { access: Viewer; expires: number }>();
  let live = false;
  // Counts every forget and every change of state: a read that saw it move does not store.
  let changes = 0;

  function cached(id: string): Viewer | undefined {
    const entry = entries.get(id);
    if (!entry) return undefined;
    const at = now();
    if (entry.expires <= at) {
      entries.delete(id);
      return undefined;
    }
    const until = entry.access.ban?.until;
    return until && Date.parse(until) <= at ? { ...entry.access, ban: null } : entry.access;
  }

  function store(access: Viewer, since: number) {
    if (!live || since !== changes) return;
    entries.delete(access.id);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(access.id, { access: Object.freeze(access), expires: now() + ttlMs });
  }

  return {
    async read(id) {
      const hit = cached(id);
      if (hit) return hit;
      const since = changes;
      const access = await find(id);
      if (access) store(access, since);
      return access;
    },
    async readMany(ids) {
      const found: Viewer[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const hit = cached(id);
        if (hit) found.push(hit);
        else missing.push(id);
      }
      if (missing.length === 0) return found;
      const since = changes;
      const read = await findMany(missing);
      for (const access of read) store(access, since);
      return [...found, ...read];
    },
    forget(id) {
      changes++;
      entries.delete(id);
    },
    forgetAll() {
      changes++;
      entries.clear();
    },
    setLive(state) {
      changes++;
      live = state;
      entries.clear();
    },
  };
}
