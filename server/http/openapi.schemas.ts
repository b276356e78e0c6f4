import { z } from "zod";
import { STATUS, type ErrorCode } from "../errors";
import { REACTION_KINDS } from "../reactions/reactions.schema";

/**
 * The response shapes of the HTTP API as strict zod objects: what the OpenAPI document
 * (server/http/openapi.ts) publishes, and what server/http/openapi.test.ts checks real
 * responses against, so an undocumented or missing field fails a test.
 */
const ts = z.iso.datetime();
const role = z.enum(["MEMBER", "MODERATOR", "ADMIN"]);
const reactionCounts = z.partialRecord(z.enum(REACTION_KINDS), z.int().min(1));

export const ZUserRef = z.strictObject({ id: z.uuid(), username: z.string() });
export const ZPublicUser = z.strictObject({ id: z.uuid(), username: z.string(), role, createdAt: ts });
export const ZMe = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  role,
  ban: z.strictObject({ reason: z.string().nullable(), until: ts.nullable() }).nullable(),
});
export const ZCategory = z.strictObject({ id: z.uuid(), slug: z.string(), name: z.string(), description: z.string() });
export const ZPost = z.strictObject({
  id: z.uuid(),
  category: z.strictObject({ slug: z.string(), name: z.string() }),
  title: z.string(),
  body: z.string(),
  bodyHtml: z.string().describe("sanitized HTML rendered from `body`"),
  author: ZUserRef,
  pinned: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean().optional().describe("staff only"),
  commentCount: z.int(),
  lastSeq: z.int().describe("the highest comment seq handed out so far"),
  reactions: reactionCounts,
  createdAt: ts,
  editedAt: ts.nullable(),
  lastActivityAt: ts,
});
export const ZComment = z.strictObject({
  id: z.uuid(),
  postId: z.uuid(),
  seq: z.int().min(1).describe("1, 2, 3 … within the post, gap-free in commit order"),
  clientId: z.string().nullable().describe("the author's idempotency key, if one was sent"),
  body: z.string(),
  bodyHtml: z.string(),
  author: ZUserRef,
  reactions: reactionCounts,
  hidden: z.boolean().optional().describe("staff only"),
  createdAt: ts,
  editedAt: ts.nullable(),
});
export const ZProfileComment = ZComment.extend({ postTitle: z.string() });
export const ZNotification = z.strictObject({
  id: z.uuid(),
  kind: z.enum(["REPLY", "MENTION"]),
  actor: ZUserRef,
  postId: z.uuid(),
  postTitle: z.string(),
  commentId: z.uuid().nullable(),
  excerpt: z.string(),
  createdAt: ts,
  readAt: ts.nullable(),
});
export const ZReport = z.strictObject({
  id: z.uuid(),
  targetType: z.enum(["post", "comment"]),
  targetId: z.string(),
  reason: z.string(),
  status: z.enum(["open", "resolved", "dismissed"]),
  resolution: z.string().nullable(),
  note: z.string().nullable(),
  reporter: ZUserRef,
  createdAt: ts,
  resolvedAt: ts.nullable(),
});
export const ZReactionState = z.strictObject({ reactions: reactionCounts, mine: z.enum(REACTION_KINDS).nullable() });
export const ZPresence = z.strictObject({ count: z.int(), users: z.array(ZUserRef), guests: z.int() });
export const ZHealth = z.object({ status: z.enum(["ok", "unavailable"]), db: z.enum(["ok", "unreachable"]) });
export const ZError = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().describe("equals the x-request-id response header"),
  }),
});

const ZBanState = z.strictObject({ reason: z.string().nullable(), until: ts.nullable() }).nullable();
export const ZModeratedUser = z.strictObject({ id: z.uuid(), username: z.string(), role, ban: ZBanState });
export const ZAdminUser = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  email: z.string(),
  role,
  createdAt: ts,
  ban: ZBanState,
  posts: z.int(),
  comments: z.int(),
});
export const ZReportInQueue = ZReport.extend({
  target: z
    .union([
      z.strictObject({ post: ZPost, deleted: z.boolean() }),
      z.strictObject({ comment: ZComment, postTitle: z.string(), deleted: z.boolean() }),
    ])
    .nullable()
    .describe("the reported content in context (null when it no longer exists)"),
  resolvedBy: ZUserRef.nullable().describe("the moderator who closed it"),
});
export const ZAdminCategory = ZCategory.extend({ position: z.int() });
export const ZAuditEntry = z.strictObject({
  id: z.uuid(),
  actor: ZUserRef,
  action: z.string().describe("e.g. post.lock, comment.hide, user.ban, report.resolve"),
  targetType: z.string(),
  targetId: z.string(),
  targetUserId: z.uuid().nullable(),
  targetUsername: z.string().nullable(),
  targetPostId: z.uuid().nullable().describe("for a post, its id; for a comment, the post it is on"),
  reason: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: ts,
});
export const ZLiveStats = z.strictObject({
  online: z.int(),
  guests: z.int(),
  sockets: z.int(),
  eventsPerMinute: z.number(),
  postsToday: z.int(),
  commentsToday: z.int(),
  openReports: z.int(),
});

/** Response envelopes, by the name the document gives them. */
export const RESPONSES = {
  Error: ZError,
  UserResponse: z.strictObject({ user: ZPublicUser }),
  MeResponse: z.strictObject({ user: ZMe }),
  CategoryList: z.strictObject({ categories: z.array(ZCategory) }),
  CategoryPostPage: z.strictObject({ category: ZCategory, posts: z.array(ZPost), nextCursor: z.string().nullable() }),
  PostPage: z.strictObject({ posts: z.array(ZPost), nextCursor: z.string().nullable() }),
  PostResponse: z.strictObject({ post: ZPost }),
  CommentList: z.strictObject({ comments: z.array(ZComment) }),
  CommentResponse: z.strictObject({ comment: ZComment }),
  ReactionState: ZReactionState,
  NotificationList: z.strictObject({ notifications: z.array(ZNotification), unread: z.int() }),
  UnreadCount: z.strictObject({ unread: z.int() }),
  Presence: ZPresence,
  ReportResponse: z.strictObject({ report: ZReport }),
  Profile: z.strictObject({
    user: ZPublicUser.extend({ bio: z.string() }),
    posts: z.array(ZPost),
    comments: z.array(ZProfileComment),
  }),
  Health: ZHealth,
  ReportQueue: z.strictObject({ reports: z.array(ZReportInQueue) }),
  QueuedReportResponse: z.strictObject({ report: ZReportInQueue }),
  ModeratedUserResponse: z.strictObject({ user: ZModeratedUser }),
  AdminUserPage: z.strictObject({ total: z.int(), users: z.array(ZAdminUser) }),
  AdminCategoryResponse: z.strictObject({ category: ZAdminCategory }),
  AuditLog: z.strictObject({ entries: z.array(ZAuditEntry) }),
  LiveStatsResponse: z.strictObject({ stats: ZLiveStats }),
  OpenApiDocument: z.looseObject({ openapi: z.string(), info: z.object({}).loose(), paths: z.record(z.string(), z.unknown()) }),
} satisfies Record<string, z.ZodType>;
