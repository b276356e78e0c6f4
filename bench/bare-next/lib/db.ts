import pg from "pg";

/** One pool per process, as any small Next app would have; the bench passes the database URL. */
const g = globalThis as unknown as { barePool?: pg.Pool };
export const pool = (g.barePool ??= new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 }));

export interface Row {
  id: string;
  title: string;
  slug: string;
  username: string;
  commentCount: number;
  createdAt: Date;
}

/** The newest posts, optionally of one category: the rows a forum list shows. */
export async function latestPosts(category?: string): Promise<Row[]> {
  const { rows } = await pool.query<Row>(
    `SELECT p.id, p.title, c.slug, u.username, p."commentCount", p."createdAt"
       FROM "Post" p JOIN "User" u ON u.id = p."authorId" JOIN "Category" c ON c.id = p."categoryId"
      WHERE p."deletedAt" IS NULL AND NOT p.hidden AND ($1::text IS NULL OR c.slug = $1)
      ORDER BY p."lastActivityAt" DESC LIMIT 20`,
    [category ?? null],
  );
  return rows;
}

export async function postWithComments(id: string) {
  const [post, list] = await Promise.all([
    pool.query<{ id: string; title: string; bodyHtml: string; username: string; createdAt: Date }>(
      `SELECT p.id, p.title, p."bodyHtml", u.username, p."createdAt" FROM "Post" p JOIN "User" u ON u.id = p."authorId"
        WHERE p.id = $1::uuid AND p."deletedAt" IS NULL AND NOT p.hidden`,
      [id],
    ),
    comments(id),
  ]);
  return post.rows[0] ? { post: post.rows[0], comments: list } : null;
}

/** The post's first 20 comments in seq order, shaped as Parley's comments JSON. */
export async function comments(postId: string) {
  const { rows } = await pool.query<{ id: string; seq: number; bodyHtml: string; author: { username: string }; createdAt: Date }>(
    `SELECT c.id, c."postId", c.seq, c.body, c."bodyHtml", json_build_object('id', u.id, 'username', u.username) AS author,
            c."clientId", c."createdAt", c."editedAt"
       FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
      WHERE c."postId" = $1::uuid AND c."deletedAt" IS NULL AND NOT c.hidden
      ORDER BY c.seq LIMIT 20`,
    [postId],
  );
  return rows.map((r) => ({ ...r, reactions: {} }));
}
