/**
 * Coalesces lookups by key made within one turn of the event loop into one call of `many`
 * (at most `max` keys per call): a burst of socket handshakes costs a few queries, not one
 * each. Every caller gets its own key's value (undefined when absent) or the call's error.
 */
export function batchLookups<V>(many: (keys: string[]) => Promise<Map<string, V>>, max = 500) {
  let pending = new Map<string, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const all = pending;
    pending = new Map();
    const keys = [...all.keys()];
    for (let i = 0; i < keys.length; i += max) {
      const chunk = keys.slice(i, i + max);
      many(chunk).then(
        (found) => chunk.forEach((k) => all.get(k)!.forEach((w) => w.resolve(found.get(k)))),
        (err) => chunk.forEach((k) => all.get(k)!.forEach((w) => w.reject(err))),
      );
    }
  };
  return (key: string) =>
    new Promise<V | undefined>((resolve, reject) => {
      const waiting = pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
