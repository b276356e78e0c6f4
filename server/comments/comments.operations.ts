import { z } from "zod";
import { ZComment } from "../shapes";
import { defineOperation, reply, DELETE_ERRORS, WRITE_ERRORS } from "../http/operation";
import { ZCommentListQuery, ZCreateComment, ZUpdateComment } from "./comments.schema";

const CommentResponse = z.strictObject({ comment: ZComment });

export const commentsOperations = [
  defineOperation({
    name: "listComments",
    method: "GET",
    path: "/api/v1/posts/{id}/comments",
    summary: "Comments in seq order after `after`",
    query: ZCommentListQuery,
    ok: { 200: z.strictObject({ comments: z.array(ZComment) }) },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
    handle: ({ params, query, services, viewer }) => services.comments.commentsBody(params.id, viewer, query.after, query.limit),
  }),
  defineOperation({
    name: "createComment",
    method: "POST",
    path: "/api/v1/posts/{id}/comments",
    summary: "Comment; a repeated clientId returns the first comment (200); locked posts 403",
    auth: "member",
    body: ZCreateComment,
    limit: "comment",
    ok: { 201: CommentResponse, 200: CommentResponse },
    errors: [...WRITE_ERRORS, "NOT_FOUND", "CONFLICT"],
    async handle({ params, body, services, viewer }) {
      const { comment, created } = await services.comments.create(viewer, params.id, body);
      return reply(created ? 201 : 200, { comment });
    },
  }),
  defineOperation({
    name: "getComment",
    method: "GET",
    path: "/api/v1/comments/{id}",
    summary: "One comment",
    ok: { 200: CommentResponse },
    errors: ["NOT_FOUND"],
    handle: async ({ params, services, viewer }) => ({ comment: await services.comments.get(params.id, viewer) }),
  }),
  defineOperation({
    name: "updateComment",
    method: "PATCH",
    path: "/api/v1/comments/{id}",
    summary: "Edit a comment (author or staff)",
    auth: "member",
    body: ZUpdateComment,
    limit: "write",
    ok: { 200: CommentResponse },
    errors: [...WRITE_ERRORS, "NOT_FOUND"],
    handle: async ({ params, body, services, viewer }) => ({ comment: await services.comments.update(viewer, params.id, body) }),
  }),
  defineOperation({
    name: "deleteComment",
    method: "DELETE",
    path: "/api/v1/comments/{id}",
    summary: "Delete a comment (author or staff)",
    auth: "member",
    limit: "write",
    ok: { 204: null },
    errors: DELETE_ERRORS,
    handle: ({ params, services, viewer }) => services.comments.remove(viewer, params.id),
  }),
] as const;
