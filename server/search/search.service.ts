import { isStaff, type Viewer } from "../dto";
import { toUserRef } from "../users/user-ref";
import { AppError, forbidden } from "../errors";
import type { RateLimiters } from "../http/rate-limit";
import { cjkRuns, cjkTsquery } from "./cjk";
import { snippetHtml, titleHtml } from "./snippet";
import type { SearchRepository, SearchRow } from "./search.repository";
import type { SearchPage, SearchResult, TSearchQuery } from "./search.schema";

export interface SearchDeps {
  repo: SearchRepository;
  limits: RateLimiters;
}

/** Paging through ranked results goes by position; past this, refine the query instead. */
const MAX_OFFSET = 1000;

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^o:/, ""));
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
    throw new AppError("VALIDATION_FAILED", "cursor is not valid", [{ field: "cursor", message: "is not valid" }]);
  return offset;
}
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");

function present(q: string, row: SearchRow, staff: boolean): SearchResult {
  return {
    type: row.type,
    post: { id: row.postId, title: row.title, category: { slug: row.categorySlug, name: row.categoryName } },
    comment: row.commentId ? { id: row.commentId, seq: row.seq! } : null,
    author: toUserRef({ id: row.authorId, username: row.authorUsername, avatarKey: row.authorAvatarKey }),
    snippetHtml: snippetHtml(q, row.headline, row.body),
    titleHtml: titleHtml(q, row.titleHeadline),
    createdAt: row.createdAt.toISOString(),
    ...(staff ? { hidden: row.hidden, deleted: row.deleted } : {}),
  };
}

/**
 * Full-text search over posts and comments. Everything that knows how search is done lives in
 * server/search/ (this service, its repository and the `search` schema of the migration), so
 * another engine replaces this module and nothing else; see the README.
 */
export function createSearchService({ repo, limits }: SearchDeps) {
  return {
    async search(viewer: Viewer | null, input: TSearchQuery): Promise<SearchPage> {
      // Per member here; per address by the operation's declared limit (guests included).
      if (viewer) await limits.consume("search", `u:${viewer.id}`);
      const staff = isStaff(viewer);
      if (input.include === "deleted" && !staff) throw forbidden("only staff may search deleted content");
      const offset = decodeCursor(input.cursor);
      const compiled = await repo.compile(input.q, cjkTsquery(input.q));
      if (!compiled || compiled.nodes === 0 || compiled.tree === "T") return { results: [], nextCursor: null };
      const rows = await repo.search({
        query: compiled.query,
        latin: compiled.latin,
        cjk: cjkRuns(input.q).length > 0,
        category: input.category,
        author: input.author,
        from: input.from,
        to: input.to,
        hidden: staff,
        deleted: staff && input.include === "deleted",
        offset,
        limit: input.limit + 1,
      });
      const more = rows.length > input.limit && offset + input.limit <= MAX_OFFSET;
      return {
        results: rows.slice(0, input.limit).map((r) => present(input.q, r, staff)),
        nextCursor: more ? encodeCursor(offset + input.limit) : null,
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
