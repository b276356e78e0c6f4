import { describe, expect, it } from "vitest";
import { createLru } from "./lru";
import { createReadModel, etagOf, preparedOf } from "./read-model";

describe("LRU", () => {
  it("keeps at most maxEntries, dropping the least recently used", () => {
    const evicted: string[] = [];
    const lru = createLru<number>({ maxEntries: 3, maxBytes: 1e9, evicted: (k) => evicted.push(k) });
    for (const k of ["a", "b", "c"]) lru.set(k, 1, 1);
    lru.get("a"); // a is young again: b is now the oldest
    lru.set("d", 1, 1);
    expect([...lru.keys()]).toEqual(["c", "a", "d"]);
    expect(evicted).toEqual(["b"]);
    for (let i = 0; i < 1000; i++) lru.set(`k${i}`, i, 1);
    expect(lru.size).toBe(3);
  });

  it("keeps its byte total under maxBytes and refuses an entry larger than the budget", () => {
    const lru = createLru<string>({ maxEntries: 100, maxBytes: 100 });
    for (let i = 0; i < 50; i++) lru.set(`k${i}`, "x", 30);
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.size).toBe(3);
    lru.set("huge", "x", 101);
    expect(lru.get("huge")).toBeUndefined();
    lru.set("k49", "y", 10); // replacing an entry counts its new size only
    expect(lru.bytes).toBe(70);
  });
});

/** A loader that resolves when told to, counting its calls. */
function deferred<T>(value: T) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  return {
    load: async () => {
      calls++;
      await gate;
      return value;
    },
    release: () => release(),
    calls: () => calls,
  };
}

describe("read model", () => {
  it("serves a stored read until an event drops its tag", async () => {
    const rm = createReadModel({ maxEntries: 10 });
    let n = 0;
    const load = async () => ({ n: ++n });
    expect(await rm.read("k", ["post:1"], load)).toEqual({ n: 1 });
    expect(await rm.read("k", ["post:1"], load)).toEqual({ n: 1 });
    rm.invalidate(["post:2"]);
    expect(await rm.read("k", ["post:1"], load)).toEqual({ n: 1 });
    rm.invalidate(["post:1"]);
    expect(await rm.read("k", ["post:1"], load)).toEqual({ n: 2 });
  });

  it("never stores a read that an event overtook, and later readers do not join it", async () => {
    const rm = createReadModel({ maxEntries: 10 });
    const old = deferred({ v: "old" });
    const before = rm.read("k", ["t"], old.load);
    const joined = rm.read("k", ["t"], old.load); // shares the load in flight
    rm.invalidate(["t"]);
    const fresh = rm.read("k", ["t"], async () => ({ v: "new" }));
    old.release();
    expect(await before).toEqual({ v: "old" });
    expect(await joined).toEqual({ v: "old" });
    expect(old.calls()).toBe(1);
    expect(await fresh).toEqual({ v: "new" });
    expect(await rm.read("k", ["t"], async () => ({ v: "other" }))).toEqual({ v: "new" });
  });

  it("bypasses and empties itself while it cannot hear other nodes, and entries age out", async () => {
    let up = true;
    let now = 0;
    const rm = createReadModel({ maxEntries: 10, maxAgeMs: 1000, live: () => up, now: () => now });
    let n = 0;
    const load = async () => ({ n: ++n });
    await rm.read("k", ["t"], load);
    up = false;
    expect(await rm.read("k", ["t"], load)).toEqual({ n: 2 });
    expect(await rm.read("k", ["t"], load)).toEqual({ n: 3 });
    expect(rm.stats().entries).toBe(0);
    up = true;
    expect(await rm.read("k", ["t"], load)).toEqual({ n: 4 });
    now += 1001;
    expect(await rm.read("k", ["t"], load)).toEqual({ n: 5 });
  });

  it("stays within its byte budget and forgets the tags of what it evicted", async () => {
    const rm = createReadModel({ maxEntries: 1000, maxBytes: 4 * 1024 });
    const big = "x".repeat(200);
    for (let i = 0; i < 100; i++) await rm.read(`k${i}`, [`post:${i}`], async () => ({ big, i }));
    expect(rm.stats().bytes).toBeLessThanOrEqual(4 * 1024);
    expect(rm.stats().entries).toBeLessThan(10);
    expect(rm.stats().tags).toBe(rm.stats().entries);
  });

  it("hands out the JSON it serialized once, with its strong ETag", async () => {
    const rm = createReadModel({ maxEntries: 10 });
    const value = await rm.read("k", ["t"], async () => ({ comments: [{ id: "c1" }] }));
    const prepared = preparedOf(value);
    expect(prepared?.body).toBe(JSON.stringify({ comments: [{ id: "c1" }] }));
    expect(prepared?.etag).toBe(etagOf(prepared!.body));
    expect(JSON.stringify(value)).toBe(prepared?.body);
  });

  it("keeps a value never sent as JSON without serializing it, sized as it says", async () => {
    const rm = createReadModel({ maxEntries: 10 });
    const page = { html: "<p>a page</p>" };
    const as = { json: false, bytes: (p: typeof page) => 2 * p.html.length } as const;
    const stored = await rm.read("page", ["t"], async () => page, as);
    expect(preparedOf(stored)).toBeUndefined();
    expect(rm.stats().bytes).toBe(26);
    expect(await rm.read("page", ["t"], async () => ({ html: "another" }), as)).toBe(page);
  });

  it("is a pass-through when turned off", async () => {
    const rm = createReadModel();
    let n = 0;
    await rm.read("k", ["t"], async () => ({ n: ++n }));
    expect(await rm.read("k", ["t"], async () => ({ n: ++n }))).toEqual({ n: 2 });
    expect(preparedOf({})).toBeUndefined();
  });
});
