import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDb } from "../db/client";
import { listen, type ChannelListener } from "../db/listen";
import type { Viewer } from "../dto";
import { ACCESS_CHANNEL, createAccessCache, type AccessCache } from "./access-cache";
import { createUsersRepository } from "./users.repository";

/**
 * The access cache against the real database: PostgreSQL's notification of a change to a User
 * row (the migration's trigger) is what makes a node forget it, whoever changed the row.
 */
const url = inject("databaseUrl");
const db = createDb(url, 2);
const repo = createUsersRepository(db);
const sql = new pg.Pool({ connectionString: url, max: 2 });
afterAll(async () => {
  await db.$disconnect();
  await sql.end();
});

async function newMember(): Promise<string> {
  const name = `ac_${randomUUID().slice(0, 12)}`;
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO "User" (id, email, username, "passwordHash") VALUES (gen_random_uuid(), $1, $2, 'x') RETURNING id`,
    [`${name}@access.parley.test`, name],
  );
  return rows[0].id;
}

/** A cache over the real repository, counting the reads that reach the database, with its own listener. */
function cacheWithListener() {
  const reads = { one: 0, many: 0 };
  const cache = createAccessCache({
    find: (id) => (reads.one++, repo.findAccess(id)),
    findMany: (ids) => (reads.many++, repo.findAccessMany(ids)),
  });
  const name = `parley-test-${randomUUID().slice(0, 8)}`;
  const listener = listen(url, ACCESS_CHANNEL, {
    onMessage: (id) => cache.forget(id),
    onState: (live) => cache.setLive(live),
    retryMs: 50,
    name,
  });
  return { cache, reads, listener, name };
}

describe("members' access rows, per node", () => {
  let subject: { cache: AccessCache; reads: { one: number; many: number }; listener: ChannelListener; name: string };
  beforeAll(async () => {
    subject = cacheWithListener();
    await vi.waitFor(() => expect(subject.listener.live()).toBe(true), { timeout: 10_000 });
  });
  afterAll(() => subject.listener.stop());

  it("are read once, then kept", async () => {
    const id = await newMember();
    const { cache, reads } = subject;
    const before = reads.one;
    expect((await cache.read(id))?.role).toBe("MEMBER");
    expect((await cache.read(id))?.role).toBe("MEMBER");
    expect((await cache.readMany([id])).map((a) => a.id)).toEqual([id]);
    expect(reads.one - before).toBe(1);
  });

  it("are forgotten as soon as PostgreSQL announces a change made straight in the database", async () => {
    const id = await newMember();
    const { cache } = subject;
    expect((await cache.read(id))?.ban).toBeNull();
    await sql.query(`UPDATE "User" SET role = 'MODERATOR', "bannedAt" = now(), "banReason" = 'spam' WHERE id = $1`, [id]);
    await vi.waitFor(async () => expect(await cache.read(id)).toMatchObject({ role: "MODERATOR", ban: { reason: "spam" } }), {
      timeout: 1000,
    });
    // A deleted account (the tombstone is an UPDATE too) has no access row at all.
    await sql.query(`UPDATE "User" SET "deletedAt" = now() WHERE id = $1`, [id]);
    await vi.waitFor(async () => expect(await cache.read(id)).toBeNull(), { timeout: 1000 });
  });

  it("are read from the database while the notifications cannot be heard, and kept again once they can", async () => {
    const id = await newMember();
    const { cache, reads, listener, name } = subject;
    await cache.read(id);
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [name]);
    await vi.waitFor(() => expect(listener.live()).toBe(false), { timeout: 5000 });
    // A change made now may never be announced to this listener; it is seen all the same.
    await sql.query(`UPDATE "User" SET bio = 'while away' WHERE id = $1`, [id]);
    expect((await cache.read(id))?.bio).toBe("while away");
    await vi.waitFor(() => expect(listener.live()).toBe(true), { timeout: 10_000 });
    const up = reads.one;
    expect((await cache.read(id))?.bio).toBe("while away");
    await cache.read(id);
    expect(reads.one - up).toBe(1);
  });
});

describe("writes to members' rows through a node's own client", () => {
  it("name the member written, in or out of a transaction, as soon as the statement has run", async () => {
    const written: (string | undefined)[] = [];
    const own = createDb(url, 2, { onUserWrite: (id) => written.push(id) });
    try {
      const id = await newMember();
      await own.user.update({ where: { id }, data: { bio: "first" } });
      expect(written).toEqual([id]);
      await own.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data: { bio: "second" } });
        expect(written).toEqual([id, id]);
      });
      // A write that does not name one member by id may have changed any of them.
      await own.user.updateMany({ where: { username: "no-such-member" }, data: { bio: "x" } });
      expect(written).toEqual([id, id, undefined]);
      await own.user.findUnique({ where: { id } });
      expect(written).toHaveLength(3);
    } finally {
      await own.$disconnect();
    }
  });
});

describe("the cache's own rules", () => {
  const member = (over: Partial<Viewer> = {}): Viewer => ({
    id: "u1",
    username: "ann",
    avatarUrl: null,
    avatarKey: null,
    bio: "",
    role: "MEMBER",
    sessionVersion: 0,
    locale: null,
    email: "ann@parley.test",
    emailVerified: true,
    hasPassword: true,
    ban: null,
    ...over,
  });

  it("keeps nothing until it is live", async () => {
    const find = vi.fn(async () => member());
    const cache = createAccessCache({ find, findMany: async () => [] });
    await cache.read("u1");
    await cache.read("u1");
    expect(find).toHaveBeenCalledTimes(2);
    cache.setLive(true);
    await cache.read("u1");
    await cache.read("u1");
    expect(find).toHaveBeenCalledTimes(3);
  });

  it("does not keep a read that was in flight while a member was forgotten", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const find = vi.fn(async () => (await gate, member()));
    const cache = createAccessCache({ find, findMany: async () => [] });
    cache.setLive(true);
    const pending = cache.read("u1");
    cache.forget("u1"); // the change committed while the row was being read
    release();
    await pending;
    await cache.read("u1");
    expect(find).toHaveBeenCalledTimes(2);
  });

  it("reads a ban whose end passed while it was kept as no ban, and expires entries", async () => {
    let now = Date.parse("2026-12-01T00:00:00Z");
    const until = new Date(now + 60_000).toISOString();
    const find = vi.fn(async () => member({ ban: { reason: "cool off", until } }));
    const cache = createAccessCache({ find, findMany: async () => [], ttlMs: 120_000, now: () => now });
    cache.setLive(true);
    expect((await cache.read("u1"))?.ban).toEqual({ reason: "cool off", until });
    now += 61_000;
    expect((await cache.read("u1"))?.ban).toBeNull();
    expect(find).toHaveBeenCalledTimes(1);
    now += 60_000;
    await cache.read("u1");
    expect(find).toHaveBeenCalledTimes(2);
  });

  it("reads only the members it does not hold, in one query", async () => {
    const findMany = vi.fn(async (ids: string[]) => ids.map((id) => member({ id })));
    const cache = createAccessCache({ find: async () => null, findMany });
    cache.setLive(true);
    await cache.readMany(["a", "b"]);
    const all = await cache.readMany(["a", "b", "c"]);
    expect(all.map((a) => a.id).sort()).toEqual(["a", "b", "c"]);
    expect(findMany.mock.calls).toEqual([[["a", "b"]], [["c"]]]);
  });
});
