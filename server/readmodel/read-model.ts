import { createHash } from "node:crypto";
import { createLru } from "./lru";

/**
 * A shared read's JSON, serialized once when it was cached, with its strong ETag. It rides on
 * the cached object under a global symbol (the route handlers run in Next's bundle, which has
 * its own copy of this module), and JSON.stringify never sees it.
 */
export interface Prepared {
  body: string;
  etag: string;
}
const PREPARED = Symbol.for("parley.prepared");

export const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/** The pre-serialized JSON of a value the read model handed out, if it has one. */
export function preparedOf(value: unknown): Prepared | undefined {
  return typeof value === "object" && value !== null ? (value as { [PREPARED]?: Prepared })[PREPARED] : undefined;
}

export interface ReadModelOptions {
  /** 0 turns the cache off: every read goes to the loader (services built for tests). */
  maxEntries?: number;
  maxBytes?: number;
  /** An entry older than this is read again even if no event dropped it (a node cut off from the others). */
  maxAgeMs?: number;
  /**
   * Whether this node hears every other node's events right now (Redis is up). While it does
   * not, nothing is stored or served and the cache is emptied: it would miss invalidations.
   */
  live?: () => boolean;
  now?: () => number;
}

interface Entry {
  value: object;
  tags: readonly string[];
  at: number;
}

/**
 * How an entry is kept. By default its JSON is serialized once (the API sends that body with
 * its ETag) and sized from it. A value that is never sent as JSON (a rendered page) says so
 * and gives its own size, so no unused copy of it is made.
 */
export interface StoreAs<T> {
  json: false;
  bytes: (value: T) => number;
}

interface Flight {
  promise: Promise<object>;
  tags: readonly string[];
  stale: boolean;
}

/**
 * What every reader of a post, a category or the home page shares, kept in this process and
 * dropped by tag when the after-commit publisher announces a change (server/readmodel/
 * invalidation.ts). A read that started before an invalidation of one of its tags is handed
 * to its callers but never stored, and later readers do not join it: nothing read before an
 * event outlives the event. Concurrent misses for one key share one load.
 */
export function createReadModel({
  maxEntries = 0,
  maxBytes = 64 * 1024 * 1024,
  maxAgeMs = 30_000,
  live = () => true,
  now = Date.now,
}: ReadModelOptions = {}) {
  const byTag = new Map<string, Set<string>>();
  const pending = new Map<string, Flight>();
  let hits = 0;
  let misses = 0;

  function untag(key: string, tags: readonly string[]) {
    for (const tag of tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  }
  const lru = createLru<Entry>({ maxEntries, maxBytes, evicted: (key, entry) => untag(key, entry.tags) });

  function drop(key: string) {
    const entry = lru.get(key);
    if (!entry) return;
    lru.delete(key);
    untag(key, entry.tags);
  }

  function store<T extends object>(key: string, tags: readonly string[], value: T, as?: StoreAs<T>) {
    let bytes: number;
    if (as) bytes = as.bytes(value);
    else {
      const body = JSON.stringify(value);
      Object.defineProperty(value, PREPARED, { value: { body, etag: etagOf(body) } satisfies Prepared, enumerable: false });
      // The string (two bytes a character) and roughly as much again for the objects it came from.
      bytes = body.length * 4;
    }
    drop(key);
    lru.set(key, { value, tags, at: now() }, bytes);
    if (lru.get(key) === undefined) return; // too large to keep
    for (const tag of tags) {
      let keys = byTag.get(tag);
      if (!keys) byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  function clear() {
    lru.clear();
    byTag.clear();
    for (const flight of pending.values()) flight.stale = true;
    pending.clear();
  }

  return {
    /** The cached value for `key`, else `load()`'s (stored under `tags` unless an event intervened). */
    read<T extends object>(key: string, tags: readonly string[], load: () => Promise<T>, as?: StoreAs<T>): Promise<T> {
      if (maxEntries <= 0) return load();
      if (!live()) {
        if (lru.size > 0 || pending.size > 0) clear();
        return load();
      }
      const entry = lru.get(key);
      if (entry && now() - entry.at <= maxAgeMs) {
        hits++;
        return Promise.resolve(entry.value as T);
      }
      if (entry) drop(key);
      const joined = pending.get(key);
      if (joined) return joined.promise as Promise<T>;
      misses++;
      const flight: Flight = { promise: null as never, tags, stale: false };
      const settle = () => {
        if (pending.get(key) === flight) pending.delete(key);
      };
      flight.promise = load().then(
        (value) => {
          settle();
          if (!flight.stale && live()) store(key, tags, value, as);
          return value;
        },
        (err: unknown) => {
          settle();
          throw err;
        },
      );
      pending.set(key, flight);
      return flight.promise as Promise<T>;
    },

    /** Drops every entry under any of `tags`, and keeps reads in flight under them from being stored. */
    invalidate(tags: readonly string[]) {
      for (const tag of tags) {
        const keys = byTag.get(tag);
        if (keys) for (const key of [...keys]) drop(key);
      }
      for (const [key, flight] of pending) {
        if (!flight.tags.some((t) => tags.includes(t))) continue;
        flight.stale = true;
        pending.delete(key);
      }
    },

    clear,

    stats: () => ({ entries: lru.size, bytes: lru.bytes, tags: byTag.size, hits, misses }),
  };
}

export type ReadModel = ReturnType<typeof createReadModel>;
