import { randomBytes } from "node:crypto";
import pg from "pg";
import { mintSessionToken, signedUpClient, type Client, type SignedUp } from "../test/harness";

export type Member = Client & { me: SignedUp };

const POST_FILLER = "A forum post long enough to look like a real one, with a paragraph or two of text. ";
/** About 1,500 characters: a typical opening post. */
export const postBody = () => POST_FILLER.repeat(20).slice(0, 1500).trim();

/** A post by `author`, through the API. */
export async function createPost(author: Member, title: string): Promise<string> {
  const res = await author.post("/api/v1/posts", { categorySlug: "general", title, body: postBody() });
  if (res.status !== 201) throw new Error(`creating the bench post failed: ${res.status} ${res.text}`);
  return res.json.post.id;
}

/** Posts one comment as `writer`; throws unless the API created it. */
export async function postComment(writer: Member, postId: string, comment: { body: string; clientId?: string }): Promise<void> {
  const res = await writer.post(`/api/v1/posts/${postId}/comments`, comment);
  if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${res.text}`);
}

/** `count` members signed up through the API (real password hashing and sign-in). */
export async function signUpMembers(origin: string, count: number, prefix: string): Promise<Member[]> {
  const out: Member[] = [];
  for (let i = 0; i < count; i++) out.push(await signedUpClient(origin, prefix));
  return out;
}

/**
 * Session tokens for `count` watcher accounts. Signing up a thousand members through the API
 * would spend the run on password hashing, so the rows are inserted directly (one statement)
 * and tokens minted with the node's secret, exactly as NextAuth would issue them: the
 * handshake still decodes each one and looks its user up, as it does for a real member.
 */
export async function watcherTokens(databaseUrl: string, secret: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tag = randomBytes(3).toString("hex");
    const { rows } = await client.query<{ id: string; username: string }>(
      `INSERT INTO "User" (id, email, username, "passwordHash")
       SELECT gen_random_uuid(), 'watcher-' || $1 || '-' || g || '@bench.parley.test', 'w' || $1 || '_' || g, 'not-a-hash'
       FROM generate_series(1, $2::int) AS g
       RETURNING id, username`,
      [tag, count],
    );
    // One sign-in session per watcher, as sign-in creates it: the handshake looks it up.
    const sessions = await client.query<{ id: string; userId: string }>(
      `INSERT INTO "Session" (id, "userId", "userAgent") SELECT gen_random_uuid(), u, 'bench' FROM unnest($1::uuid[]) AS u RETURNING id, "userId"`,
      [rows.map((r) => r.id)],
    );
    const sid = new Map(sessions.rows.map((s) => [s.userId, s.id]));
    return Promise.all(
      rows.map((r) => mintSessionToken(secret, { sub: r.id, sv: 0, sid: sid.get(r.id), username: r.username, role: "MEMBER" })),
    );
  } finally {
    await client.end();
  }
}
