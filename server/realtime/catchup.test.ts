import { afterAll, describe, expect, it } from "vitest";
import type { Comment } from "../dto";
import { useServer } from "@/test/context";
import type { Client } from "@/test/harness";
import { closeAllSockets, connectSocket, nextEvent, subscribe, waitForEvents, waitUntil, type TestSocket } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

/**
 * A reader that keeps a post's comments the way the browser does: live events merged by id,
 * and after a reconnect that did not recover its session, `comments?after=<last seq>`.
 */
class Reader {
  readonly byId = new Map<string, Comment>();
  recoveredReconnects = 0;
  freshReconnects = 0;
  constructor(
    readonly socket: TestSocket,
    readonly http: Client,
    readonly postId: string,
  ) {
    socket.on("comment:created", ({ comment }) => this.byId.set(comment.id, comment));
    socket.on("connect", () => void this.onConnect());
  }
  /** Up to this seq the server has listed everything (a fetch), or live events filled every slot. */
  confirmed = 0;
  /**
   * Where to catch up from: live events can arrive out of seq order (two writers' requests
   * finish in either order), so it is the end of the hole-free run, not the highest seq seen.
   */
  lastSeq() {
    const held = new Set([...this.byId.values()].map((c) => c.seq));
    let seq = this.confirmed;
    while (held.has(seq + 1)) seq++;
    return seq;
  }
  private async onConnect() {
    if (this.socket.recovered) return void this.recoveredReconnects++;
    this.freshReconnects++;
    await subscribe(this.socket, `post:${this.postId}`);
    await this.catchUp();
  }
  async catchUp() {
    let after = this.lastSeq();
    for (;;) {
      const { json } = await this.http.get(`/api/v1/posts/${this.postId}/comments?after=${after}&limit=200`);
      for (const c of json.comments as Comment[]) {
        this.byId.set(c.id, c);
        after = Math.max(after, c.seq);
      }
      if (json.comments.length < 200) break;
    }
    this.confirmed = Math.max(this.confirmed, after);
  }
  seqs() {
    return [...this.byId.values()].map((c) => c.seq).sort((a, b) => a - b);
  }
}

async function writeStorm(postId: string, writers: Client[], perWriter: number) {
  await Promise.all(
    writers.map(async (w, i) => {
      for (let n = 0; n < perWriter; n++) {
        const res = await w.post(`/api/v1/posts/${postId}/comments`, { body: `writer ${i} comment ${n}`, clientId: `w${i}-c${n}` });
        expect(res.status).toBe(201);
      }
    }),
  );
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// Ten sign-ups and a 200-comment storm can outlast the default 30 s on a 2-core machine busy
// with other work; the tests wait for events, not for a time, so they get room to finish.
const STORM = { timeout: 90_000 };

describe("exact catch-up after a reconnect", () => {
  it("ends with seq 1..200 exactly once when the session is not recovered", STORM, async () => {
    const owner = await server.member("owner");
    const { json } = await owner.post("/api/v1/posts", { categorySlug: "general", title: "Storm", body: "x" });
    const writers = await Promise.all(range(10).map(() => server.member("writer")));
    const socket = await connectSocket(server.origin, null, { reconnection: true });
    const reader = new Reader(socket, server.anonymous(), json.post.id);
    await subscribe(socket, `post:${json.post.id}`);

    const storm = writeStorm(json.post.id, writers, 20);
    // Mid-storm: the first 20 of 200 comments are in. (Deadlines here are only for a stuck run.)
    await waitForEvents(socket, "comment:created", 20, undefined, 15_000);
    // Drop the connection for good (a fresh socket later means no recovery at all).
    socket.disconnect();
    await storm;
    const again = await connectSocket(server.origin, null, { reconnection: true });
    const resumed = new Reader(again, server.anonymous(), json.post.id);
    for (const c of reader.byId.values()) resumed.byId.set(c.id, c);
    await subscribe(again, `post:${json.post.id}`);
    await resumed.catchUp();

    expect(reader.byId.size).toBeGreaterThan(0);
    expect(reader.byId.size).toBeLessThan(200);
    expect(resumed.seqs()).toEqual(range(200));
    expect(resumed.byId.size).toBe(200);
  });

  it("replays what was missed when Socket.IO recovers the session", STORM, async () => {
    const owner = await server.member("owner");
    const { json } = await owner.post("/api/v1/posts", { categorySlug: "general", title: "Blip", body: "x" });
    const writers = await Promise.all(range(10).map(() => server.member("writer")));
    const socket = await connectSocket(server.origin);
    const reader = new Reader(socket, server.anonymous(), json.post.id);
    await subscribe(socket, `post:${json.post.id}`);
    // A second viewer of the post: its viewer count tells when the server has seen the reader go.
    const viewer = await connectSocket(server.origin);
    const both = nextEvent(viewer, "post:viewers", (p) => p.postId === json.post.id && p.count === 2);
    await subscribe(viewer, `post:${json.post.id}`);
    await both;

    const storm = writeStorm(json.post.id, writers, 20);
    await waitForEvents(socket, "comment:created", 20, undefined, 15_000);
    // A network blip: the transport closes under the client.
    const readerGone = nextEvent(viewer, "post:viewers", (p) => p.postId === json.post.id && p.count === 1);
    socket.io.engine.close();
    // A browser reconnects after its backoff, by when the server has kept the session for
    // recovery. Here: once the server has handled the close (the count drops after that), the
    // client reconnects as its own reconnection would, offering the session to recover.
    await readerGone;
    socket.connect();
    await storm;
    await waitUntil(socket, "comment:created", () => reader.byId.size >= 200, 15_000);

    expect(reader.recoveredReconnects).toBe(1);
    expect(reader.freshReconnects).toBe(0);
    expect(reader.seqs()).toEqual(range(200));
  });
});
