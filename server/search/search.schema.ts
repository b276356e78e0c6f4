import { z } from "zod";
import { ZUserRef } from "../shapes";

export const MAX_QUERY = 200;

/** Control characters (NUL cannot even be stored in a PostgreSQL text) read as spaces. */
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, " "))
    .pipe(z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`));

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO date or time; a bare date as `to` means through the end of that day (UTC). */
const ZDay = (end: boolean) =>
  z
    .string()
    .max(40)
    .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO date (2026-12-01) or time")
    .transform((s) => new Date(Date.parse(s) + (end && DATE_ONLY.test(s) ? 86_400_000 : 0)));

/** `GET /api/v1/search`: the query in words, filters, paging. */
export const ZSearchQuery = z.object({
  q: text(MAX_QUERY).describe("words (stemmed, each a prefix), \"a phrase\", or, -word; Chinese, Japanese and Korean inside unspaced text"),
  category: text(40).optional().describe("a category slug"),
  author: text(40).optional().describe("a username"),
  from: ZDay(false).optional().describe("created at or after (ISO date or time)"),
  to: ZDay(true).optional().describe("created before this time, or through this date"),
  include: z.enum(["deleted"]).optional().describe("staff only: deleted content too (hidden content is always included for staff)"),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

const ts = z.iso.datetime();

export const ZSearchResult = z.strictObject({
  type: z.enum(["post", "comment"]),
  post: z.strictObject({ id: z.uuid(), title: z.string(), category: z.strictObject({ slug: z.string(), name: z.string() }) }),
  comment: z.strictObject({ id: z.uuid(), seq: z.int() }).nullable(),
  author: ZUserRef,
  snippetHtml: z.string().describe("escaped text; hits wrapped in <mark>"),
  titleHtml: z.string().describe("the post's title, escaped, hits wrapped in <mark>"),
  createdAt: ts,
  hidden: z.boolean().optional().describe("staff only"),
  deleted: z.boolean().optional().describe("staff only"),
});

export const ZSearchPage = z.strictObject({ results: z.array(ZSearchResult), nextCursor: z.string().nullable() });
export type SearchResult = z.infer<typeof ZSearchResult>;
export type SearchPage = z.infer<typeof ZSearchPage>;
