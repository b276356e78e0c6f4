/**
 * A least-recently-used map bounded by entry count and by an approximate byte size. A Map
 * keeps insertion order, so re-inserting on read moves an entry to the young end and the
 * oldest entry is always the first key.
 */
export interface LruOptions<V> {
  maxEntries: number;
  maxBytes: number;
  /** Told about every entry that leaves because of the bounds (not on delete or clear). */
  evicted?(key: string, value: V): void;
}

export function createLru<V>({ maxEntries, maxBytes, evicted }: LruOptions<V>) {
  const entries = new Map<string, { value: V; bytes: number }>();
  let bytes = 0;

  function remove(key: string) {
    const found = entries.get(key);
    if (!found) return false;
    entries.delete(key);
    bytes -= found.bytes;
    return true;
  }

  return {
    get(key: string): V | undefined {
      const found = entries.get(key);
      if (!found) return undefined;
      entries.delete(key);
      entries.set(key, found);
      return found.value;
    },
    /** Stores `value` (an entry larger than the whole budget is not kept at all). */
    set(key: string, value: V, size: number) {
      remove(key);
      if (size > maxBytes || maxEntries <= 0) return;
      entries.set(key, { value, bytes: size });
      bytes += size;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const [oldest, entry] = entries.entries().next().value as [string, { value: V }];
        remove(oldest);
        evicted?.(oldest, entry.value);
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      bytes = 0;
    },
    keys: () => entries.keys(),
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

export type Lru<V> = ReturnType<typeof createLru<V>>;
