import type { BenchConfig } from "./config";
import { commentBody } from "./fanout";
import { createPost, postComment, type Member } from "./fixtures";
import { load, type LoadResult } from "./http-load";

export interface ReadRow {
  name: string;
  parleyPath: string;
  barePath: string;
  signedIn: boolean;
  parley: LoadResult;
  bare: LoadResult;
}

/** A post with `count` comments from the writers in turn: the thread both apps serve. */
export async function readFixture(author: Member, writers: Member[], count = 20): Promise<string> {
  const postId = await createPost(author, "Read bench: a thread with twenty comments");
  for (let i = 0; i < count; i++) await postComment(writers[i % writers.length], postId, { body: commentBody(`read ${i}`) });
  return postId;
}

/**
 * The read rows: each Parley page or JSON read against the bare Next app's equivalent over
 * the same database, `connections` keep-alive connections for `readSeconds` each. Per row:
 * both warmed, then bare and Parley measured back to back (the order alternates by row), so
 * drift in the machine's load falls on both.
 */
export async function readBench(
  cfg: BenchConfig,
  d: { parley: string; bare: string; postId: string; cookie: string; log: (msg: string) => void },
): Promise<ReadRow[]> {
  const workloads = [
    { name: "post page, anonymous", parleyPath: `/p/${d.postId}`, barePath: `/p/${d.postId}`, signedIn: false },
    { name: "post page, signed in", parleyPath: `/p/${d.postId}`, barePath: `/p/${d.postId}`, signedIn: true },
    {
      name: "20 comments as JSON",
      parleyPath: `/api/v1/posts/${d.postId}/comments?limit=20`,
      barePath: `/api/posts/${d.postId}/comments`,
      signedIn: false,
    },
    { name: "home page, anonymous", parleyPath: "/", barePath: "/", signedIn: false },
    { name: "category page, anonymous", parleyPath: "/c/general", barePath: "/c/general", signedIn: false },
  ];
  const durationMs = cfg.readSeconds * 1000;
  const warmMs = Math.max(1000, durationMs / 4);
  const out: ReadRow[] = [];
  for (const [i, w] of workloads.entries()) {
    d.log(`reads: ${w.name}, ${cfg.connections} connections × ${cfg.readSeconds} s each side`);
    const headers = w.signedIn ? { cookie: d.cookie } : undefined;
    const parley = () => load(d.parley + w.parleyPath, { connections: cfg.connections, durationMs, headers });
    const bare = () => load(d.bare + w.barePath, { connections: cfg.connections, durationMs });
    await load(d.parley + w.parleyPath, { connections: cfg.connections, durationMs: warmMs, headers });
    await load(d.bare + w.barePath, { connections: cfg.connections, durationMs: warmMs });
    let p: LoadResult, b: LoadResult;
    if (i % 2 === 0) {
      b = await bare();
      p = await parley();
    } else {
      p = await parley();
      b = await bare();
    }
    out.push({ ...w, parley: p, bare: b });
  }
  return out;
}
