import { z } from "zod";
import { ZCategory, ZPost } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZPostListQuery } from "../posts/posts.schema";

export const categoriesOperations = [
  defineOperation({
    name: "listCategories",
    method: "GET",
    path: "/api/v1/categories",
    summary: "All categories (always includes `general`)",
    ok: { 200: z.strictObject({ categories: z.array(ZCategory) }) },
    errors: [],
    handle: async ({ services }) => ({ categories: await services.categories.list() }),
  }),
  defineOperation({
    name: "listCategoryPosts",
    method: "GET",
    path: "/api/v1/categories/{slug}/posts",
    summary: "A category's posts, pinned first, then latest activity",
    query: ZPostListQuery,
    ok: { 200: z.strictObject({ category: ZCategory, posts: z.array(ZPost), nextCursor: z.string().nullable() }) },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
    handle: ({ params, query, services, viewer }) => services.posts.categoryBody(params.slug, viewer, query.cursor, query.limit),
  }),
] as const;
