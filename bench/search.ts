import { performance } from "node:perf_hooks";
import pg from "pg";
import { cjkTsquery } from "../server/search/cjk";
import { compileSql, searchSql } from "../server/search/search.repository";
import type { Member } from "./fixtures";
import { summarize, type Summary } from "./stats";

export interface SearchBenchResult {
  posts: number;
  comments: number;
  /** Seconds to insert and index the corpus (the triggers build the tsvectors). */
  indexSeconds: number;
  searches: number;
  parley: Summary;
  sql: Summary;
  /** Results per query on the first page, from Parley (the same SQL gives the same rows). */
  hits: Record<string, number>;
  errors: number;
}

// Text is mostly filler from a 20,000-word vocabulary; one word in twenty comes from this list of
// forum English (stems and prefixes get work) and Chinese runs (bigrams), so a query's words appear
// in a few percent to a tenth of the documents, as a forum's topical words do.
const WORDS = (
  "deploy deployment deploying cache caching invalidation postgres index query socket websocket reconnect " +
  "latency throughput thread comment reply notification moderator category search ranking release rollback " +
  "config container kubernetes docker node server client browser render stream event ordering sequence " +
  "the a of to and in is it that for on with as was at by this be are from or have an but not " +
  "实时论坛 消息推送 缓存策略 数据库 索引 部署 回滚 版本发布 服务器 客户端 通知 评论 搜索 排序"
).split(" ");

/** The queries measured: single words, prefixes, a phrase, a negation, Chinese and mixed. */
export const SEARCH_QUERIES = ["deploy", "cache invalidation", "websock", '"reconnect latency"', "kubernetes -docker", "消息推送", "Next 缓存"];

/**
 * `posts` posts and `comments` comments of 30–80 random words, inserted in one statement each
 * (rows spread over the last year so the recency boost has work); the search triggers index
 * them on the way in, as they do every write. Comments go to the new posts only (`lastSeq` 0):
 * the author may have written posts in earlier scenarios.
 */
async function generate(client: pg.Client, authorId: string, posts: number, comments: number) {
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`;
  const text = (n: string, seed: string) =>
    `(SELECT string_agg(CASE WHEN random() < 0.95 THEN 'w' || floor(random() * 20000)::int ELSE w[1 + floor(random() * array_length(w, 1))::int] END, ' ')
      FROM (SELECT ${words} AS w) v, generate_series(1, ${n} + 0 * ${seed}))`;
  const category = await client.query<{ id: string }>(`SELECT id FROM "Category" WHERE slug = 'general'`);
  await client.query(
    `INSERT INTO "Post" (id, "categoryId", "authorId", title, body, "bodyHtml", "createdAt", "lastActivityAt", "commentCount", "lastSeq")
     SELECT gen_random_uuid(), $1, $2, t.title, t.body, '<p>' || t.body || '</p>', t.at, t.at, 0, 0
     FROM (SELECT ${text("6", "g")} AS title, ${text("30 + (g % 50)", "g")} AS body, now() - (g % 365) * interval '1 day' AS at
           FROM generate_series(1, $3::int) AS g) t`,
    [category.rows[0].id, authorId, posts],
  );
  await client.query(
    `INSERT INTO "Comment" (id, "postId", "authorId", seq, body, "bodyHtml", "createdAt")
     SELECT gen_random_uuid(), p.id, $1, s.seq, s.body, '<p>' || s.body || '</p>', p."createdAt" + s.seq * interval '1 minute'
     FROM (SELECT id, "createdAt", row_number() OVER () AS n FROM "Post" WHERE "authorId" = $1 AND "lastSeq" = 0) p
     CROSS JOIN LATERAL (SELECT k AS seq, ${text("20 + (k * 7 + p.n::int) % 40", "k")} AS body
                         FROM generate_series(1, CEIL($2::float / $3)::int) AS k) s
     WHERE (p.n - 1) * CEIL($2::float / $3)::int + s.seq <= $2`,
    [authorId, comments, posts],
  );
  await client.query(
    `UPDATE "Post" p SET "commentCount" = c.n, "lastSeq" = c.n
     FROM (SELECT "postId", count(*)::int AS n FROM "Comment" WHERE "authorId" = $1 GROUP BY 1) c WHERE c."postId" = p.id AND p."lastSeq" = 0`,
    [authorId],
  );
  await client.query(`ANALYZE "Post"; ANALYZE "Comment"; ANALYZE search."PostDocument"; ANALYZE search."CommentDocument"`);
}

/**
 * Search over a generated corpus: Parley's `GET /api/v1/search` (HTTP, Next routing, session,
 * validation, rate limit, the two statements through Prisma, snippets in TypeScript) against
 * the very same two statements sent with plain `pg` — what an anonymous member's first page
 * costs the database alone. Rounds alternate Parley / SQL per query.
 */
export async function searchBench(opts: {
  databaseUrl: string;
  reader: Member;
  author: Member;
  posts: number;
  comments: number;
  searches: number;
  timeoutMs: number;
  log: (m: string) => void;
}): Promise<SearchBenchResult> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    opts.log(`search: generating ${opts.posts} posts and ${opts.comments} comments`);
    const t0 = performance.now();
    await generate(client, opts.author.me.user.id, opts.posts, opts.comments);
    const indexSeconds = (performance.now() - t0) / 1000;
    opts.log(`search: corpus indexed in ${indexSeconds.toFixed(1)} s; ${opts.searches} searches each way`);

    const plain = async (q: string) => {
      const compile = compileSql(q, cjkTsquery(q));
      const { rows } = await client.query(compile.text, compile.values);
      const { query, latin, nodes, tree } = rows[0];
      if (nodes === 0 || tree === "T") return 0;
      const page = searchSql({ query, latin, cjk: cjkTsquery(q) !== "", hidden: false, deleted: false, offset: 0, limit: 21 });
      return (await client.query(page.text, page.values)).rowCount ?? 0;
    };
    const viaParley = async (q: string) => {
      const res = await opts.reader.get(`/api/v1/search?${new URLSearchParams({ q, limit: "20" })}`);
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${res.text}`);
      return res.json.results.length as number;
    };

    const hits: Record<string, number> = {};
    for (const q of SEARCH_QUERIES) hits[q] = await viaParley(q); // warm-up: routes loaded, plans cached
    for (const q of SEARCH_QUERIES) await plain(q);

    const parley: number[] = [];
    const sql: number[] = [];
    let errors = 0;
    const stopAt = performance.now() + opts.timeoutMs;
    for (let i = 0; i < opts.searches && performance.now() < stopAt; i++) {
      const q = SEARCH_QUERIES[i % SEARCH_QUERIES.length];
      for (const [run, into] of [
        [viaParley, parley],
        [plain, sql],
      ] as const) {
        const started = performance.now();
        try {
          await run(q);
          into.push(performance.now() - started);
        } catch {
          errors++;
        }
      }
    }
    return { posts: opts.posts, comments: opts.comments, indexSeconds, searches: parley.length, parley: summarize(parley), sql: summarize(sql), hits, errors };
  } finally {
    await client.end();
  }
}
