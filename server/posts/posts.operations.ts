import { z } from "zod";
import { ZPost } from "../shapes";
import { defineOperation, reply, DELETE_ERRORS, WRITE_ERRORS } from "../http/operation";
import { ZCreatePost, ZPostListQuery, ZUpdatePost } from "./posts.schema";

const PostResponse = z.strictObject({ post: ZPost });
const PostPage = z.strictObject({ posts: z.array(ZPost), nextCursor: z.string().nullable() });
const ZLatestQuery = ZPostListQuery.extend({
  since: z.string().max(40).optional().describe("ISO time: posts created after it (catch-up)"),
  filter: z
    .enum(["unread", "new"])
    .optional()
    .describe("signed in only: unread = opened, with comments after your read position; new = never opened, created in the last 14 days"),
});

export const postsOperations = [
  defineOperation({
    name: "listPosts",
    method: "GET",
    path: "/api/v1/posts",
    summary:
      "Latest posts across the forum (without your muted categories); `since`: created after a time (catch-up); `filter`: unread or new",
    query: ZLatestQuery,
    ok: { 200: PostPage },
    errors: ["VALIDATION_FAILED", "UNAUTHENTICATED"],
    async handle({ query, services, viewer }) {
      if (query.filter) {
        const page = await services.posts.filtered(viewer, query.filter, query.cursor, query.limit);
        return { posts: page.items, nextCursor: page.nextCursor };
      }
      if (query.since) return { posts: await services.posts.createdSince(query.since, viewer), nextCursor: null };
      return services.posts.latestBody(viewer, query.cursor, query.limit);
    },
  }),
  defineOperation({
    name: "createPost",
    method: "POST",
    path: "/api/v1/posts",
    summary: "Create a post; a repeated clientId returns the first post (200)",
    auth: "member",
    body: ZCreatePost,
    limit: "post",
    ok: { 201: PostResponse, 200: PostResponse },
    errors: WRITE_ERRORS,
    async handle({ body, services, viewer }) {
      const { post, created } = await services.posts.create(viewer, body);
      return reply(created ? 201 : 200, { post });
    },
  }),
  defineOperation({
    name: "getPost",
    method: "GET",
    path: "/api/v1/posts/{id}",
    summary: "One post (404 when missing, malformed, deleted or hidden)",
    ok: { 200: PostResponse },
    errors: ["NOT_FOUND"],
    handle: ({ params, services, viewer }) => services.posts.getBody(params.id, viewer),
  }),
  defineOperation({
    name: "updatePost",
    method: "PATCH",
    path: "/api/v1/posts/{id}",
    summary: "Edit a post (author or staff)",
    auth: "member",
    body: ZUpdatePost,
    limit: "write",
    ok: { 200: PostResponse },
    errors: [...WRITE_ERRORS, "NOT_FOUND"],
    handle: async ({ params, body, services, viewer }) => ({ post: await services.posts.update(viewer, params.id, body) }),
  }),
  defineOperation({
    name: "deletePost",
    method: "DELETE",
    path: "/api/v1/posts/{id}",
    summary: "Delete a post (author or staff)",
    auth: "member",
    limit: "write",
    ok: { 204: null },
    errors: DELETE_ERRORS,
    handle: ({ params, services, viewer }) => services.posts.remove(viewer, params.id),
  }),
] as const;
