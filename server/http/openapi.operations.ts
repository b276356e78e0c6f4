import { z } from "zod";
import type { ErrorCode } from "../errors";
import type { RESPONSES } from "./openapi.schemas";
import { ZRegisterInput } from "../users/users.schema";
import { ZCreatePost, ZPostListQuery, ZUpdatePost } from "../posts/posts.schema";
import { ZCommentListQuery, ZCreateComment, ZUpdateComment } from "../comments/comments.schema";
import { ZReactionInput } from "../reactions/reactions.schema";
import { ZCreateReport } from "../reports/reports.schema";
import { ZMarkRead } from "../notifications/notifications.service";
import { ZCategoryInput, ZCategoryUpdate } from "../categories/categories.schema";
import {
  ZAuditQuery,
  ZBan,
  ZCommentModeration,
  ZPostModeration,
  ZReportQuery,
  ZResolve,
  ZRoleChange,
  ZUnban,
  ZUsersQuery,
} from "../moderation/moderation.schema";

/** Every /api/v1 operation: its request schema (the one the route parses with), responses and errors. */
export type ResponseName = keyof typeof RESPONSES;

export const REQUESTS = {
  RegisterInput: ZRegisterInput,
  CreatePost: ZCreatePost,
  UpdatePost: ZUpdatePost,
  CreateComment: ZCreateComment,
  UpdateComment: ZUpdateComment,
  ReactionInput: ZReactionInput,
  CreateReport: ZCreateReport,
  MarkRead: ZMarkRead,
  PostModeration: ZPostModeration,
  CommentModeration: ZCommentModeration,
  Resolve: ZResolve,
  Ban: ZBan,
  Unban: ZUnban,
  RoleChange: ZRoleChange,
  CategoryInput: ZCategoryInput,
  CategoryUpdate: ZCategoryUpdate,
} satisfies Record<string, z.ZodType>;
export type RequestName = keyof typeof REQUESTS;

export type Method = "get" | "post" | "put" | "patch" | "delete";
export interface Operation {
  summary: string;
  auth?: "member" | "staff" | "admin";
  body?: RequestName;
  /** The body may be left out entirely. */
  optionalBody?: boolean;
  query?: z.ZodObject;
  ok: Partial<Record<200 | 201 | 204, ResponseName | null>>;
  errors: ErrorCode[];
}

const WRITE: ErrorCode[] = ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"];
const STAFF_READ: ErrorCode[] = ["VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"];
const ZLatestQuery = ZPostListQuery.extend({
  since: z.string().max(40).optional().describe("ISO time: posts created after it (catch-up)"),
});

/** Every /api/v1 operation. A route file without an entry here fails the OpenAPI test. */
export const OPERATIONS: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/auth/register": {
    post: {
      summary: "Create an account (ADMIN_EMAILS get ADMIN)",
      body: "RegisterInput",
      ok: { 201: "UserResponse" },
      errors: ["BAD_JSON", "VALIDATION_FAILED", "FORBIDDEN", "CONFLICT", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
    },
  },
  "/api/v1/me": { get: { summary: "The signed-in user", auth: "member", ok: { 200: "MeResponse" }, errors: ["UNAUTHENTICATED"] } },
  "/api/v1/categories": { get: { summary: "All categories (always includes `general`)", ok: { 200: "CategoryList" }, errors: [] } },
  "/api/v1/categories/{slug}/posts": {
    get: {
      summary: "A category's posts, pinned first, then latest activity",
      query: ZPostListQuery,
      ok: { 200: "CategoryPostPage" },
      errors: ["VALIDATION_FAILED", "NOT_FOUND"],
    },
  },
  "/api/v1/posts": {
    get: { summary: "Latest posts across the forum", query: ZLatestQuery, ok: { 200: "PostPage" }, errors: ["VALIDATION_FAILED"] },
    post: {
      summary: "Create a post; a repeated clientId returns the first post (200)",
      auth: "member",
      body: "CreatePost",
      ok: { 201: "PostResponse", 200: "PostResponse" },
      errors: WRITE,
    },
  },
  "/api/v1/posts/{id}": {
    get: { summary: "One post (404 when missing, malformed, deleted or hidden)", ok: { 200: "PostResponse" }, errors: ["NOT_FOUND"] },
    patch: {
      summary: "Edit a post (author or staff)",
      auth: "member",
      body: "UpdatePost",
      ok: { 200: "PostResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
    delete: {
      summary: "Delete a post (author or staff)",
      auth: "member",
      ok: { 204: null },
      errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    },
  },
  "/api/v1/posts/{id}/comments": {
    get: {
      summary: "Comments in seq order after `after`",
      query: ZCommentListQuery,
      ok: { 200: "CommentList" },
      errors: ["VALIDATION_FAILED", "NOT_FOUND"],
    },
    post: {
      summary: "Comment; a repeated clientId returns the first comment (200); locked posts 403",
      auth: "member",
      body: "CreateComment",
      ok: { 201: "CommentResponse", 200: "CommentResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/posts/{id}/reaction": {
    put: {
      summary: "Set your reaction to a post",
      auth: "member",
      body: "ReactionInput",
      ok: { 200: "ReactionState" },
      errors: [...WRITE, "NOT_FOUND"],
    },
    delete: {
      summary: "Remove your reaction from a post",
      auth: "member",
      ok: { 200: "ReactionState" },
      errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    },
  },
  "/api/v1/comments/{id}": {
    get: { summary: "One comment", ok: { 200: "CommentResponse" }, errors: ["NOT_FOUND"] },
    patch: {
      summary: "Edit a comment (author or staff)",
      auth: "member",
      body: "UpdateComment",
      ok: { 200: "CommentResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
    delete: {
      summary: "Delete a comment (author or staff)",
      auth: "member",
      ok: { 204: null },
      errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    },
  },
  "/api/v1/comments/{id}/reaction": {
    put: {
      summary: "Set your reaction to a comment",
      auth: "member",
      body: "ReactionInput",
      ok: { 200: "ReactionState" },
      errors: [...WRITE, "NOT_FOUND"],
    },
    delete: {
      summary: "Remove your reaction from a comment",
      auth: "member",
      ok: { 200: "ReactionState" },
      errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    },
  },
  "/api/v1/notifications": {
    get: {
      summary: "Your latest notifications and unread count",
      auth: "member",
      ok: { 200: "NotificationList" },
      errors: ["UNAUTHENTICATED"],
    },
  },
  "/api/v1/notifications/read": {
    post: {
      summary: "Mark the given notifications (or all) read",
      auth: "member",
      body: "MarkRead",
      ok: { 200: "UnreadCount" },
      errors: ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE"],
    },
  },
  "/api/v1/presence": { get: { summary: "Members online (live sockets) and guests", ok: { 200: "Presence" }, errors: [] } },
  "/api/v1/reports": {
    post: {
      summary: "Report a post or comment; reporting it again returns your open report (200)",
      auth: "member",
      body: "CreateReport",
      ok: { 201: "ReportResponse", 200: "ReportResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/users/{username}": { get: { summary: "A member's public profile", ok: { 200: "Profile" }, errors: ["NOT_FOUND"] } },
  "/api/v1/openapi.json": { get: { summary: "This document", ok: { 200: "OpenApiDocument" }, errors: [] } },
  "/api/v1/admin/reports": {
    get: {
      summary: "The reports queue, with each reported item in context",
      auth: "staff",
      query: ZReportQuery,
      ok: { 200: "ReportQueue" },
      errors: STAFF_READ,
    },
  },
  "/api/v1/admin/reports/{id}/resolve": {
    post: {
      summary: "Resolve a report by an action (closes every open report on that item)",
      auth: "staff",
      body: "Resolve",
      ok: { 200: "QueuedReportResponse" },
      errors: [...WRITE, "NOT_FOUND", "CONFLICT"],
    },
  },
  "/api/v1/admin/posts/{id}": {
    patch: {
      summary: "Lock, pin, hide or move a post (audited)",
      auth: "staff",
      body: "PostModeration",
      ok: { 200: "PostResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/comments/{id}": {
    patch: {
      summary: "Hide or unhide a comment (audited)",
      auth: "staff",
      body: "CommentModeration",
      ok: { 200: "CommentResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/users": {
    get: {
      summary: "Members, newest first, searchable by username or email",
      auth: "staff",
      query: ZUsersQuery,
      ok: { 200: "AdminUserPage" },
      errors: STAFF_READ,
    },
  },
  "/api/v1/admin/users/{id}": {
    patch: {
      summary: "Change a member's role",
      auth: "admin",
      body: "RoleChange",
      ok: { 200: "ModeratedUserResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/users/{id}/ban": {
    post: {
      summary: "Ban a member (ends their sessions and sockets)",
      auth: "staff",
      body: "Ban",
      ok: { 200: "ModeratedUserResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/users/{id}/unban": {
    post: {
      summary: "Lift a ban",
      auth: "staff",
      body: "Unban",
      optionalBody: true,
      ok: { 200: "ModeratedUserResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/categories": {
    post: {
      summary: "Create a category",
      auth: "admin",
      body: "CategoryInput",
      ok: { 201: "AdminCategoryResponse" },
      errors: [...WRITE, "CONFLICT"],
    },
  },
  "/api/v1/admin/categories/{slug}": {
    patch: {
      summary: "Rename, describe or reorder a category",
      auth: "admin",
      body: "CategoryUpdate",
      ok: { 200: "AdminCategoryResponse" },
      errors: [...WRITE, "NOT_FOUND"],
    },
  },
  "/api/v1/admin/audit": {
    get: {
      summary: "The audit log: who did what to what, when and why",
      auth: "staff",
      query: ZAuditQuery,
      ok: { 200: "AuditLog" },
      errors: STAFF_READ,
    },
  },
  "/api/v1/admin/stats": {
    get: {
      summary: "Live figures: online, sockets, events per minute, today's posts and comments, open reports",
      auth: "staff",
      ok: { 200: "LiveStatsResponse" },
      errors: ["UNAUTHENTICATED", "FORBIDDEN"],
    },
  },
  "/api/health": { get: { summary: "Liveness and database check (503 when the node cannot serve)", ok: { 200: "Health" }, errors: [] } },
};
