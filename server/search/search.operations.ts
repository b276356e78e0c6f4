import { defineOperation } from "../http/operation";
import { ZSearchPage, ZSearchQuery } from "./search.schema";

export const searchOperations = [
  defineOperation({
    name: "search",
    method: "GET",
    path: "/api/v1/search",
    summary:
      "Posts and comments by relevance (stems and prefixes, CJK inside unspaced text), with category, author and date filters; hidden and deleted content only for staff",
    query: ZSearchQuery,
    // Per address here (guests too); the service also counts per member.
    limit: { name: "searchIp", by: "ip" },
    ok: { 200: ZSearchPage },
    errors: ["VALIDATION_FAILED", "FORBIDDEN", "RATE_LIMITED"],
    handle: ({ query, services, viewer }) => services.search.search(viewer, query),
  }),
] as const;
