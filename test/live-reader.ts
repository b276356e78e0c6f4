import type { Comment } from "../server/dto";
import { createClient, type Client } from "./client";
import { connectSocket, subscribe, type TestSocket } from "./sockets";

/**
 * A reader of one post that holds the server to the contract's "Order" promise: on every
 * connection, after `subscribe` and a catch-up (`comments?after=<end of the hole-free run>`),
 * the live `comment:created` events must come in seq order with no holes, and the first one
 * must follow on from what the catch-up listed. Each connection is one segment; a reader may
 * drop and reconnect to another node.
 */
export interface Segment {
  origin: string;
  /** The highest seq the catch-up listed on this connection (null until it ran). */
  caughtUpThrough: number | null;
  /** Live comment:created seqs, in arrival order. */
  live: number[];
}

export class LiveReader {
  readonly segments: Segment[] = [];
  readonly byId = new Map<string, Comment>();
  socket: TestSocket | null = null;
  private waiters: { n: number; resolve: () => void }[] = [];

  constructor(
    readonly name: string,
    readonly postId: string,
    /** Whose session the socket and the catch-up use (staff see hidden comments); null: anonymous. */
    readonly as: Client | null = null,
  ) {}

  /** Connects to `origin`, subscribes, catches up; resolves once the segment is live. */
  async connect(origin: string): Promise<void> {
    const segment: Segment = { origin, caughtUpThrough: null, live: [] };
    this.segments.push(segment);
    const socket = await connectSocket(origin, this.as);
    this.socket = socket;
    socket.on("comment:created", ({ comment }) => {
      if (comment.postId !== this.postId) return;
      segment.live.push(comment.seq);
      this.add(comment);
    });
    const ack = await subscribe(socket, `post:${this.postId}`);
    if (!ack.ok) throw new Error(`${this.name}: subscribe refused: ${JSON.stringify(ack)}`);
    segment.caughtUpThrough = await this.catchUp(origin);
  }

  /** Drops the connection (the segment ends). */
  drop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  private async catchUp(origin: string): Promise<number> {
    const http = createClient(origin);
    for (const [name, value] of this.as?.cookies ?? []) http.setCookie(name, value);
    let after = this.contiguous();
    for (;;) {
      const res = await http.get(`/api/v1/posts/${this.postId}/comments?after=${after}&limit=200`);
      if (res.status !== 200) throw new Error(`${this.name}: catch-up answered ${res.status} ${res.text}`);
      const page = res.json.comments as Comment[];
      for (const c of page) {
        this.add(c);
        after = Math.max(after, c.seq);
      }
      if (page.length < 200) return after;
    }
  }

  private add(comment: Comment) {
    this.byId.set(comment.id, comment);
    for (const w of [...this.waiters]) {
      if (this.byId.size >= w.n) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** The end of the hole-free run of seqs held (what a client catches up from). */
  contiguous(): number {
    const held = new Set([...this.byId.values()].map((c) => c.seq));
    let seq = 0;
    while (held.has(seq + 1)) seq++;
    return seq;
  }

  /** Resolves when the reader holds at least `n` comments (rejects after `ms`, with the reader's state). */
  holds(n: number, ms = 30_000): Promise<void> {
    if (this.byId.size >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} holds ${this.byId.size} of ${n} comments after ${ms} ms`)), ms);
      this.waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Live events received on the current connection. */
  liveCount(): number {
    return this.segments.at(-1)?.live.length ?? 0;
  }

  seqs(): number[] {
    return [...this.byId.values()].map((c) => c.seq).sort((a, b) => a - b);
  }

  /** Every breach of the Order promise, as sentences (empty: the reader saw an exact stream). */
  problems(): string[] {
    const out: string[] = [];
    this.segments.forEach((s, i) => {
      const where = `${this.name} segment ${i} (${s.origin})`;
      if (s.live.length === 0) return;
      if (s.caughtUpThrough !== null && s.live[0] > s.caughtUpThrough + 1)
        out.push(
          `${where}: first live seq ${s.live[0]} after a catch-up through ${s.caughtUpThrough} (missed ${s.caughtUpThrough + 1}..${s.live[0] - 1})`,
        );
      for (let k = 1; k < s.live.length; k++)
        if (s.live[k] !== s.live[k - 1] + 1) out.push(`${where}: live seq ${s.live[k]} after ${s.live[k - 1]}`);
    });
    return out;
  }
}

/** Resolves when `condition()` holds, checking on every event-loop turn for at most `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
