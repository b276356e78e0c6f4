import { expect } from "vitest";
import { createClient, directDb, type Client } from "../harness";
import { range } from "../live-reader";

/** GET /api/health on a node: the HTTP status (`http`) and the body (never throws on a 503). */
export async function health(origin: string): Promise<{ http: number; status: string; db: string; redis: string; degraded: boolean }> {
  const res = await createClient(origin).get("/api/health");
  return { http: res.status, ...res.json };
}

/** One comment write; a network failure (the node is gone) reads as status 0. */
export async function postComment(client: Client, postId: string, body: string, clientId: string) {
  try {
    return await client.post(`/api/v1/posts/${postId}/comments`, { body, clientId });
  } catch (err) {
    return { status: 0, json: undefined, text: String(err), headers: new Headers() };
  }
}

/**
 * What the database holds for a post: every acknowledged clientId exactly once, seqs 1..n
 * with no gap and no repeat, and nothing else.
 */
export async function expectStoredExactly(databaseUrl: string, postId: string, acknowledged: Set<string>) {
  const db = directDb(databaseUrl);
  try {
    const { rows } = await db.query<{ seq: number; clientId: string | null }>(
      `SELECT seq, "clientId" FROM "Comment" WHERE "postId" = $1::uuid ORDER BY seq`,
      [postId],
    );
    expect(rows.map((r) => r.seq)).toEqual(range(rows.length));
    const ids = rows.map((r) => r.clientId);
    expect(new Set(ids).size, "no clientId stored twice").toBe(ids.length);
    for (const id of acknowledged) expect(ids, `acknowledged ${id} is stored`).toContain(id);
    return rows.length;
  } finally {
    await db.close();
  }
}
