import { Prisma, type Db } from "../db/client";
import { HEADLINE_OPTIONS, START, STOP } from "./snippet";

/** What one search asks the database (all of it already validated by the service). */
export interface SearchParams {
  /** The tsquery, as text (from `compileQuery`). */
  query: string;
  /** Its non-CJK half, for ts_headline (which cannot see CJK bigrams). */
  latin: string;
  /** Whether the query has CJK runs: the rows then carry their whole text for the snippet. */
  cjk: boolean;
  category?: string;
  author?: string;
  from?: Date;
  to?: Date;
  /** Staff: hidden content too. */
  hidden: boolean;
  /** Staff who asked for it: deleted content too. */
  deleted: boolean;
  offset: number;
  limit: number;
}

export interface SearchRow {
  type: "post" | "comment";
  postId: string;
  commentId: string | null;
  seq: number | null;
  title: string;
  categorySlug: string;
  categoryName: string;
  authorId: string;
  authorUsername: string;
  authorAvatarKey: string | null;
  createdAt: Date;
  hidden: boolean;
  deleted: boolean;
  headline: string;
  titleHeadline: string;
  body: string | null;
  score: number;
}

/**
 * Ranking reads every candidate's tsvector, so a word in half the forum would rank half the
 * forum. Each kind ranks at most its newest CANDIDATES matches (exact for any query with fewer);
 * paging stops well before (server/search/search.service.ts).
 */
export const CANDIDATES = 2000;

const REGEX_LEXEME = "'((?:[^']|'')+)'";

/**
 * The query as PostgreSQL will run it: websearch_to_tsquery over the non-CJK text (quotes,
 * `or`, `-word`; stop words drop out), every lexeme made a prefix (`deplo` finds "deploy",
 * search-as-you-type), ANDed with the CJK bigram phrases. `nodes` 0 (nothing left, e.g. only stop
 * words) or a tree of "T" (only negations, which no index can serve) means: no results.
 */
export function compileSql(text: string, cjk: string) {
  return Prisma.sql`
    SELECT (l && ${cjk}::tsquery)::text AS query, l::text AS latin,
           numnode(l && ${cjk}::tsquery) AS nodes, querytree(l && ${cjk}::tsquery) AS tree
    FROM (SELECT regexp_replace(websearch_to_tsquery('english', search.non_cjk(${text}))::text,
                                ${REGEX_LEXEME}, '''\\1'':*', 'g')::tsquery AS l) AS q`;
}

/**
 * One page of hits over posts (title A, body B) and comments (body B): ts_rank normalised by
 * length, times a mild recency boost (at most 1.3×, fading over weeks), so a title hit still
 * outranks a fresh body hit. Snippets are computed for the page's rows only.
 */
export function searchSql(p: SearchParams) {
  const visible = (alias: "p" | "c") => {
    const a = Prisma.raw(alias);
    return Prisma.sql`${p.hidden ? Prisma.empty : Prisma.sql`AND NOT ${a}."hidden"`}
      ${p.deleted ? Prisma.empty : Prisma.sql`AND ${a}."deletedAt" IS NULL`}`;
  };
  const filters = (alias: "p" | "c") => {
    const a = Prisma.raw(alias);
    return Prisma.sql`
      ${p.category ? Prisma.sql`AND p."categoryId" IN (SELECT "id" FROM "Category" WHERE "slug" = ${p.category})` : Prisma.empty}
      ${p.author ? Prisma.sql`AND ${a}."authorId" IN (SELECT "id" FROM "User" WHERE lower("username") = lower(${p.author}))` : Prisma.empty}
      ${p.from ? Prisma.sql`AND ${a}."createdAt" >= ${p.from.toISOString()}::timestamp` : Prisma.empty}
      ${p.to ? Prisma.sql`AND ${a}."createdAt" < ${p.to.toISOString()}::timestamp` : Prisma.empty}`;
  };
  const marks = `StartSel=${START}, StopSel=${STOP}`;
  return Prisma.sql`
    WITH q AS (SELECT ${p.query}::tsquery AS query, ${p.latin}::tsquery AS latin),
    hits AS (
      (SELECT 'post' AS type, p."id" AS "postId", NULL::uuid AS "commentId", p."authorId", p."createdAt", d."vector"
       FROM search."PostDocument" d JOIN "Post" p ON p."id" = d."postId", q
       WHERE d."vector" @@ q.query ${visible("p")} ${filters("p")}
       ORDER BY p."createdAt" DESC LIMIT ${CANDIDATES})
      UNION ALL
      (SELECT 'comment', c."postId", c."id", c."authorId", c."createdAt", d."vector"
       FROM search."CommentDocument" d JOIN "Comment" c ON c."id" = d."commentId" JOIN "Post" p ON p."id" = c."postId", q
       WHERE d."vector" @@ q.query ${visible("c")} ${visible("p")} ${filters("c")}
       ORDER BY c."createdAt" DESC LIMIT ${CANDIDATES})
    ),
    page AS (
      SELECT type, "postId", "commentId", "authorId", "createdAt",
             ts_rank("vector", q.query, 1) * (1 + 0.3 * exp(-extract(epoch FROM (now() AT TIME ZONE 'UTC' - "createdAt")) / 2592000.0)) AS score
      FROM hits, q
      ORDER BY score DESC, "createdAt" DESC, coalesce("commentId", "postId")
      LIMIT ${p.limit} OFFSET ${p.offset}
    )
    SELECT page.type, page."postId", page."commentId", c."seq", p."title", cat."slug" AS "categorySlug", cat."name" AS "categoryName",
           u."id" AS "authorId", u."username" AS "authorUsername", u."avatarKey" AS "authorAvatarKey", page."createdAt", page.score::float8 AS score,
           (p."hidden" OR coalesce(c."hidden", false)) AS hidden,
           (p."deletedAt" IS NOT NULL OR c."deletedAt" IS NOT NULL) AS deleted,
           ts_headline('english', translate(coalesce(c."body", p."body"), ${START + STOP}, ''), q.latin, ${HEADLINE_OPTIONS}) AS headline,
           ts_headline('english', translate(p."title", ${START + STOP}, ''), q.latin, ${`HighlightAll=true, ${marks}`}) AS "titleHeadline",
           CASE WHEN ${p.cjk} THEN coalesce(c."body", p."body") END AS body
    FROM page
    JOIN "Post" p ON p."id" = page."postId"
    LEFT JOIN "Comment" c ON c."id" = page."commentId"
    JOIN "Category" cat ON cat."id" = p."categoryId"
    JOIN "User" u ON u."id" = page."authorId", q
    ORDER BY page.score DESC, page."createdAt" DESC, coalesce(page."commentId", page."postId")`;
}

export function createSearchRepository(db: Db) {
  return {
    async compile(text: string, cjk: string) {
      const [row] = await db.$queryRaw<{ query: string; latin: string; nodes: number; tree: string }[]>(compileSql(text, cjk));
      return row;
    },
    async search(params: SearchParams): Promise<SearchRow[]> {
      return db.$queryRaw<SearchRow[]>(searchSql(params));
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
