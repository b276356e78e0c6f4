import { ZReactionState } from "../shapes";
import { defineOperation, DELETE_ERRORS, WRITE_ERRORS } from "../http/operation";
import { ZReactionInput } from "./reactions.schema";

/** PUT sets the viewer's reaction on a post or comment, DELETE removes it; both return the counts. */
export const reactionsOperations = [
  defineOperation({
    name: "reactToPost",
    method: "PUT",
    path: "/api/v1/posts/{id}/reaction",
    summary: "Set your reaction to a post",
    auth: "member",
    body: ZReactionInput,
    limit: "write",
    ok: { 200: ZReactionState },
    errors: [...WRITE_ERRORS, "NOT_FOUND"],
    handle: ({ params, body, services, viewer }) => services.reactions.set(viewer, "post", params.id, body.kind),
  }),
  defineOperation({
    name: "unreactToPost",
    method: "DELETE",
    path: "/api/v1/posts/{id}/reaction",
    summary: "Remove your reaction from a post",
    auth: "member",
    limit: "write",
    ok: { 200: ZReactionState },
    errors: DELETE_ERRORS,
    handle: ({ params, services, viewer }) => services.reactions.clear(viewer, "post", params.id),
  }),
  defineOperation({
    name: "reactToComment",
    method: "PUT",
    path: "/api/v1/comments/{id}/reaction",
    summary: "Set your reaction to a comment",
    auth: "member",
    body: ZReactionInput,
    limit: "write",
    ok: { 200: ZReactionState },
    errors: [...WRITE_ERRORS, "NOT_FOUND"],
    handle: ({ params, body, services, viewer }) => services.reactions.set(viewer, "comment", params.id, body.kind),
  }),
  defineOperation({
    name: "unreactToComment",
    method: "DELETE",
    path: "/api/v1/comments/{id}/reaction",
    summary: "Remove your reaction from a comment",
    auth: "member",
    limit: "write",
    ok: { 200: ZReactionState },
    errors: DELETE_ERRORS,
    handle: ({ params, services, viewer }) => services.reactions.clear(viewer, "comment", params.id),
  }),
] as const;
