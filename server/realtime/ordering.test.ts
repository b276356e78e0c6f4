import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Comment } from "../dto";
import { createOrdering, type CommentFeed } from "./ordering";

/** A post's committed comments, as the database would list them (the lanes' feed). */
function committed() {
  const rows = new Map<string, Comment[]>();
  const reads: string[] = [];
  let failing = false;
  const feed: CommentFeed = {
    async lastSeqs(ids) {
      if (failing) throw new Error("database away");
      return new Map(ids.map((id) => [id, Math.max(0, ...(rows.get(id) ?? []).map((c) => c.seq))]));
    },
    async fetchComments(postId, after, upTo) {
      reads.push(`${postId}:${after}..${upTo}`);
      if (failing) throw new Error("database away");
      return (rows.get(postId) ?? []).filter((c) => c.seq > after && c.seq <= upTo).sort((a, b) => a.seq - b.seq);
    },
  };
  return {
    feed,
    reads,
    fail: (on: boolean) => void (failing = on),
    /** Commits a comment (not yet announced to the lanes). */
    commit(postId: string, seq: number, patch: Partial<Comment> = {}): Comment {
      const c = { id: `${postId}-${seq}`, postId, seq, body: `#${seq}`, ...patch } as Comment;
      rows.set(postId, [...(rows.get(postId) ?? []), c]);
      return c;
    },
  };
}

function setup(watchedPosts = new Set(["p"])) {
  const db = committed();
  const out: string[] = [];
  const lanes = createOrdering({
    feed: db.feed,
    emitCreated: (c) => out.push(`${c.postId}:${c.seq}`),
    emitUpdated: (c) => out.push(`${c.postId}:${c.seq}:updated:${c.body}`),
    emitDeleted: (r) => out.push(`deleted:${r.id}`),
    watched: (postId) => watchedPosts.has(postId),
    holdMs: 100,
    checkMs: 1000,
  });
  return { db, out, lanes };
}

describe("comment lanes (per-node seq order)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("passes comments through in order, starting after the database's lastSeq", async () => {
    const { db, out, lanes } = setup();
    db.commit("p", 1);
    db.commit("p", 2);
    await lanes.open("p");
    lanes.created(db.commit("p", 3));
    lanes.created(db.commit("p", 4));
    expect(out).toEqual(["p:3", "p:4"]);
    lanes.stop();
  });

  it("drops duplicates and anything from before the lane started", async () => {
    const { db, out, lanes } = setup();
    const first = db.commit("p", 1);
    await lanes.open("p");
    lanes.created(first);
    const second = db.commit("p", 2);
    lanes.created(second);
    lanes.created(second);
    expect(out).toEqual(["p:2"]);
    lanes.stop();
  });

  it("holds an early comment until its predecessor arrives", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    const [c1, c2, c3] = [db.commit("p", 1), db.commit("p", 2), db.commit("p", 3)];
    lanes.created(c3);
    lanes.created(c1);
    expect(out).toEqual(["p:1"]);
    lanes.created(c2);
    expect(out).toEqual(["p:1", "p:2", "p:3"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(db.reads).toEqual([]);
    lanes.stop();
  });

  it("reads a gap from the database after holdMs, and drops the late copy", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    const [c1, c2, c3] = [db.commit("p", 1), db.commit("p", 2), db.commit("p", 3)];
    lanes.created(c3);
    await vi.advanceTimersByTimeAsync(99);
    expect(out).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.reads).toEqual(["p:0..3"]);
    expect(out).toEqual(["p:1", "p:2", "p:3"]);
    lanes.created(c1);
    lanes.created(c2);
    lanes.created(db.commit("p", 4));
    expect(out).toEqual(["p:1", "p:2", "p:3", "p:4"]);
    lanes.stop();
  });

  it("keeps holding while the database is away, and fills once it answers", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    db.commit("p", 1);
    db.fail(true);
    lanes.created(db.commit("p", 2));
    await vi.advanceTimersByTimeAsync(3000);
    expect(out).toEqual([]);
    db.fail(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(out).toEqual(["p:1", "p:2"]);
    lanes.stop();
  });

  it("skips a seq the database no longer lists (deleted before it went out)", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    db.commit("p", 1, { id: "gone" });
    db.commit("p", 2);
    lanes.deleted({ id: "gone", postId: "p" });
    lanes.created({ ...db.commit("p", 3) });
    await vi.advanceTimersByTimeAsync(100);
    // The feed lists deleted rows no more: here the lane's own memory of the delete holds.
    expect(out).toEqual(["deleted:gone", "p:2", "p:3"]);
    lanes.stop();
  });

  it("a comment deleted before its creation went out never goes out", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    const [c1, c2] = [db.commit("p", 1), db.commit("p", 2)];
    lanes.created(c2);
    lanes.deleted({ id: c2.id, postId: "p" });
    lanes.created(c1);
    expect(out).toEqual(["deleted:p-2", "p:1"]);
    lanes.stop();
  });

  it("an update never overtakes its comment's creation", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    const [c1, c2] = [db.commit("p", 1), db.commit("p", 2)];
    lanes.created(c2);
    lanes.updated({ ...c2, body: "edited" });
    lanes.updated({ ...c1, body: "edited too" });
    lanes.created(c1);
    expect(out).toEqual(["p:1", "p:1:updated:edited too", "p:2", "p:2:updated:edited"]);
    lanes.updated({ ...c1, body: "again" });
    expect(out.at(-1)).toBe("p:1:updated:again");
    lanes.stop();
  });

  it("events that arrive while the lane opens wait for its start", async () => {
    const { db, out, lanes } = setup();
    db.commit("p", 1);
    const opening = lanes.open("p");
    lanes.created(db.commit("p", 2));
    lanes.created({ ...db.commit("p", 1) });
    expect(out).toEqual([]);
    await opening;
    expect(out).toEqual(["p:2"]);
    lanes.stop();
  });

  it("watched lanes catch up with the database on their own (what no event announced)", async () => {
    const { db, out, lanes } = setup();
    await lanes.open("p");
    db.commit("p", 1);
    db.commit("p", 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(out).toEqual(["p:1", "p:2"]);
    db.commit("p", 3);
    await lanes.resync();
    expect(out).toEqual(["p:1", "p:2", "p:3"]);
    lanes.stop();
  });

  it("ignores posts nobody on this node watches, and forgets unwatched lanes", async () => {
    const watched = new Set(["p"]);
    const { db, out, lanes } = setup(watched);
    lanes.created(db.commit("q", 1));
    expect(out).toEqual([]);
    await lanes.open("p");
    expect(lanes.size()).toBe(1);
    watched.delete("p");
    await vi.advanceTimersByTimeAsync(200_000);
    expect(lanes.size()).toBe(0);
    lanes.stop();
  });
});
