import type { Comment } from "../dto";

/**
 * What the lanes may read: committed comments, straight from the database. Passed in by the
 * composition root, so the realtime layer never calls back into services.
 */
export interface CommentFeed {
  /** Each post's last allocated seq (a post that does not exist is left out). */
  lastSeqs(postIds: string[]): Promise<Map<string, number>>;
  /** Comments with afterSeq < seq ≤ upToSeq in seq order, as staff see them; deleted ones left out. */
  fetchComments(postId: string, afterSeq: number, upToSeq: number): Promise<Comment[]>;
}

export type FillReason = "gap" | "behind";

export interface OrderingOptions {
  feed: CommentFeed;
  /** Emits comment:created (both variants) to this node's sockets in the post's room. */
  emitCreated(comment: Comment): void;
  /** Emits comment:updated (a hidden one goes out as comment:deleted to non-staff). */
  emitUpdated(comment: Comment): void;
  emitDeleted(ref: { id: string; postId: string }): void;
  /** Whether any socket on this node is in the post's room. */
  watched(postId: string): boolean;
  /** How long a comment that arrived early waits for its predecessor before the gap is read from the database. */
  holdMs?: number;
  /** How often watched lanes are compared with the database (catches what no event announced). */
  checkMs?: number;
  /** How long a lane outlives its last local watcher (beyond connection state recovery's window). */
  keepMs?: number;
  onFill?(reason: FillReason, emitted: number): void;
  onError?(err: unknown, postId: string): void;
}

interface Lane {
  postId: string;
  /** Every seq up to here has gone out from this node (or was deleted before it could). */
  last: number;
  /** Set once `last` has been read from the database. */
  opening: Promise<void> | null;
  /** Comments that arrived before their predecessors, by seq. */
  held: Map<number, Comment>;
  /** Updates to comments whose creation has not gone out yet: they follow it. */
  after: Map<number, Comment[]>;
  /** Comments deleted before their creation went out: it never will. */
  deleted: Set<string>;
  timer?: NodeJS.Timeout;
  filling: boolean;
  unwatchedSince: number | null;
}

const MAX_REMEMBERED_DELETES = 256;
/** At most this many comments per database read: a lane further behind reads on at its next turn. */
const MAX_FILL = 500;

/**
 * One lane per post that sockets on this node watch: the node emits that post's
 * comment:created strictly in seq order with no holes, whichever node wrote each comment
 * (see API.md, "Order"). Seqs commit in order under the post's row lock, so when seq n+1 is
 * here and n is not, n is committed too: after `holdMs` the lane reads the gap from the
 * database itself and emits it; the late copy is dropped as a duplicate. A lane starts from
 * the database's lastSeq, read when its first watcher subscribes (before the subscribe ack,
 * so that watcher's catch-up covers everything before the lane). Every `checkMs` the
 * watched lanes are compared with the database, which also delivers what no event announced
 * (a node killed between commit and publish, Redis away).
 */
export function createOrdering(opts: OrderingOptions) {
  const { feed, holdMs = 200, checkMs = 2000, keepMs = 150_000 } = opts;
  const lanes = new Map<string, Lane>();

  function emitCreation(lane: Lane, comment: Comment) {
    const updates = lane.after.get(comment.seq);
    lane.after.delete(comment.seq);
    if (lane.deleted.delete(comment.id)) return;
    opts.emitCreated(comment);
    for (const u of updates ?? []) opts.emitUpdated(u);
  }

  /** Emits what follows `last` without a hole; arms the gap timer for what remains. */
  function settle(lane: Lane) {
    if (lane.opening) return;
    for (const seq of lane.held.keys()) if (seq <= lane.last) lane.held.delete(seq);
    for (let next = lane.held.get(lane.last + 1); next; next = lane.held.get(lane.last + 1)) {
      lane.held.delete(next.seq);
      lane.last = next.seq;
      emitCreation(lane, next);
    }
    // Updates that arrived while the lane was opening, for comments from before its start.
    for (const [seq, updates] of lane.after) {
      if (seq > lane.last) continue;
      lane.after.delete(seq);
      for (const u of updates) if (!lane.deleted.has(u.id)) opts.emitUpdated(u);
    }
    if (lane.held.size === 0) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
    } else if (!lane.timer && !lane.filling) {
      lane.timer = setTimeout(() => void fill(lane, "gap"), holdMs);
    }
  }

  /** Reads (last, upTo] from the database and emits it in order. */
  async function fill(lane: Lane, reason: FillReason, upTo = Math.max(0, ...lane.held.keys())) {
    lane.timer = undefined;
    if (lane.filling || lane.opening || upTo <= lane.last) return settle(lane);
    lane.filling = true;
    const from = lane.last;
    upTo = Math.min(upTo, from + MAX_FILL);
    let emitted = 0;
    try {
      const rows = await feed.fetchComments(lane.postId, from, upTo);
      for (const row of rows) {
        if (row.seq <= lane.last) continue; // went out while we read
        lane.held.delete(row.seq);
        lane.last = row.seq;
        emitCreation(lane, row);
        emitted++;
      }
      // The database is the truth for this range: a seq it does not list was deleted.
      lane.last = Math.max(lane.last, upTo);
      opts.onFill?.(reason, emitted);
    } catch (err) {
      opts.onError?.(err, lane.postId);
      lane.filling = false;
      // The database may be away: keep holding, and try again later.
      if (lanes.get(lane.postId) === lane) lane.timer ??= setTimeout(() => void fill(lane, reason), Math.max(holdMs, 1000));
      return;
    }
    lane.filling = false;
    settle(lane);
  }

  async function check() {
    const now = Date.now();
    const due: Lane[] = [];
    for (const lane of lanes.values()) {
      if (lane.opening) continue;
      if (opts.watched(lane.postId) || lane.held.size > 0) {
        lane.unwatchedSince = null;
        if (!lane.filling) due.push(lane);
      } else if (lane.unwatchedSince === null) lane.unwatchedSince = now;
      else if (now - lane.unwatchedSince > keepMs && !lane.filling) {
        clearTimeout(lane.timer);
        lanes.delete(lane.postId);
      }
    }
    if (due.length === 0) return;
    let last: Map<string, number>;
    try {
      last = await feed.lastSeqs(due.map((l) => l.postId));
    } catch (err) {
      opts.onError?.(err, "*");
      return;
    }
    await Promise.all(
      due.map((lane) => ((last.get(lane.postId) ?? 0) > lane.last ? fill(lane, "behind", last.get(lane.postId)) : undefined)),
    );
  }

  let checking: Promise<void> | null = null;
  const runCheck = () => (checking ??= check().finally(() => (checking = null)));
  const interval = setInterval(() => void runCheck(), checkMs);
  interval.unref();

  return {
    /**
     * Makes sure this node has a lane for the post, started from the database. Call it after
     * a socket joined the post's room and before its subscribe is acknowledged.
     */
    async open(postId: string): Promise<void> {
      const existing = lanes.get(postId);
      if (existing) return existing.opening ?? undefined;
      const lane: Lane = {
        postId,
        last: 0,
        opening: null,
        held: new Map(),
        after: new Map(),
        deleted: new Set(),
        filling: false,
        unwatchedSince: null,
      };
      lanes.set(postId, lane);
      lane.opening = feed.lastSeqs([postId]).then(
        (last) => {
          lane.last = last.get(postId) ?? 0;
          lane.opening = null;
          settle(lane);
        },
        (err) => {
          lanes.delete(postId);
          throw err;
        },
      );
      return lane.opening;
    },

    /** A committed comment, from this node or another; duplicates are dropped. */
    created(comment: Comment) {
      const lane = lanes.get(comment.postId);
      if (!lane) return; // nobody on this node watches the post
      if (comment.seq <= lane.last) return;
      if (!lane.held.has(comment.seq)) lane.held.set(comment.seq, comment);
      settle(lane);
    },

    updated(comment: Comment) {
      const lane = lanes.get(comment.postId);
      if (!lane || (!lane.opening && comment.seq <= lane.last)) return opts.emitUpdated(comment);
      // Its creation has not gone out here yet: the update follows it.
      const queued = lane.after.get(comment.seq) ?? [];
      lane.after.set(comment.seq, [...queued, comment]);
    },

    deleted(ref: { id: string; postId: string }) {
      const lane = lanes.get(ref.postId);
      if (lane) {
        // If its creation is still on the way here, it must not go out after this.
        lane.deleted.add(ref.id);
        if (lane.deleted.size > MAX_REMEMBERED_DELETES) lane.deleted.delete(lane.deleted.values().next().value!);
      }
      opts.emitDeleted(ref);
    },

    /** Compares every watched lane with the database now (e.g. when Redis is back). */
    resync: runCheck,

    /** Lanes on this node (for metrics and tests). */
    size: () => lanes.size,

    stop() {
      clearInterval(interval);
      for (const lane of lanes.values()) clearTimeout(lane.timer);
      lanes.clear();
    },
  };
}

export type Ordering = ReturnType<typeof createOrdering>;
