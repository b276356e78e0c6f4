import { z } from "zod";
import { NotificationKind, ReactionKind, Role } from "./db/generated/enums";
import { STATUS, type ErrorCode } from "./errors";

/**
 * The public shapes of Parley's entities (`../shared/API.md`), as strict zod objects: the one
 * source for the TypeScript types (server/dto.ts infers them), for the OpenAPI document, and
 * for the tests that check real responses against it (an undocumented or missing field fails).
 * Enums come from the Prisma schema, so the database and the API cannot disagree.
 */
const ts = z.iso.datetime();

export const ZRole = z.enum(Role);
export const ZReactionKind = z.enum(ReactionKind);
export const ZReactionCounts = z.partialRecord(ZReactionKind, z.int().min(1));

const ZAvatarUrl = z.string().nullable().describe("a 256 px WebP under an immutable content-hash URL; null: none (show initials)");
export const ZUserRef = z.strictObject({
  id: z.uuid(),
  username: z.string().describe('"" for a deleted member'),
  avatarUrl: ZAvatarUrl,
  deleted: z.literal(true).optional().describe("the account was deleted: its content stays, under this stable id, with no name"),
});
export const ZPublicUser = z.strictObject({ id: z.uuid(), username: z.string(), avatarUrl: ZAvatarUrl, role: ZRole, createdAt: ts });
export const ZBanState = z.strictObject({ reason: z.string().nullable(), until: ts.nullable() }).nullable();
export const ZMe = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  role: ZRole,
  email: z.string(),
  emailVerified: z.boolean().describe("the member opened the link mailed to `email`"),
  hasPassword: z
    .boolean()
    .describe("false for an account made through an identity provider that never set a password (it confirms deletion by signing in with the provider again)"),
  bio: z.string().describe("plain text, at most 500 characters"),
  avatarUrl: ZAvatarUrl,
  locale: z.string().nullable().describe("the interface language the member chose (`en`, `zh-CN`); null: cookie or Accept-Language"),
  ban: ZBanState,
});
export const ZSessionInfo = z.strictObject({
  id: z.uuid(),
  current: z.boolean().describe("the session this request came with"),
  createdAt: ts,
  lastSeenAt: ts,
  userAgent: z.string(),
});

export const ZWatchLevel = z.enum(["watching", "normal", "muted"]);

export const ZCategory = z.strictObject({ id: z.uuid(), slug: z.string(), name: z.string(), description: z.string() });
export const ZCategoryWithStats = ZCategory.extend({ postCount: z.int(), lastActivityAt: ts.nullable() });
export const ZAdminCategory = ZCategory.extend({ position: z.int() });

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
  reactions: ZReactionCounts,
  createdAt: ts,
  editedAt: ts.nullable(),
  lastActivityAt: ts,
  readSeq: z.int().nullable().optional().describe("signed-in viewer only: the last seq they read (null: never opened)"),
  unreadCount: z.int().min(0).optional().describe("signed-in viewer only: comments after readSeq (0 when never opened)"),
  watchLevel: ZWatchLevel.optional().describe("signed-in viewer only: their watch level on this post"),
});

export const ZComment = z.strictObject({
  id: z.uuid(),
  postId: z.uuid(),
  seq: z.int().min(1).describe("1, 2, 3 … within the post, gap-free in commit order"),
  clientId: z.string().nullable().describe("the author's idempotency key, if one was sent"),
  body: z.string(),
  bodyHtml: z.string(),
  author: ZUserRef,
  reactions: ZReactionCounts,
  hidden: z.boolean().optional().describe("staff only"),
  replyTo: z
    .strictObject({ id: z.uuid(), seq: z.int(), author: ZUserRef })
    .nullable()
    .describe("the comment of the same post this one answers"),
  createdAt: ts,
  editedAt: ts.nullable(),
});
export const ZProfileComment = ZComment.extend({ postTitle: z.string() });

export const ZNotificationKind = z.enum(NotificationKind);
export const ZNotification = z.strictObject({
  id: z.uuid(),
  kind: ZNotificationKind.describe("REPLY > MENTION > WATCHED_COMMENT: one per member per comment, the most specific"),
  actor: ZUserRef,
  post: z.strictObject({ id: z.uuid(), title: z.string() }),
  comment: z.strictObject({ id: z.uuid(), seq: z.int() }).nullable().describe("null for WATCHED_POST"),
  postId: z.uuid().describe("same as post.id (kept for older clients)"),
  postTitle: z.string().describe("same as post.title (kept for older clients)"),
  commentId: z.uuid().nullable().describe("same as comment.id (kept for older clients)"),
  excerpt: z.string(),
  createdAt: ts,
  readAt: ts.nullable(),
});

export const ZDraft = z.strictObject({ key: z.string(), title: z.string().nullable(), body: z.string(), updatedAt: ts });

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

export const ZReactionState = z.strictObject({ reactions: ZReactionCounts, mine: ZReactionKind.nullable() });
export const ZPresence = z.strictObject({ count: z.int(), users: z.array(ZUserRef), guests: z.int() });
export const ZHealth = z.object({
  status: z.enum(["ok", "unavailable"]),
  db: z.enum(["ok", "unreachable"]),
  redis: z.enum(["ok", "down", "off"]).describe("off: one node, no REDIS_URL; down: configured but unreachable"),
  degraded: z.boolean().describe("a dependency is away: the node serves, with per-node limits, presence and delivery"),
  uptime: z.int().optional().describe("seconds since this node started"),
});

export const ZError = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().describe("equals the x-request-id response header"),
  }),
});

// ---- Staff-only shapes ----

export const ZModeratedUser = z.strictObject({ id: z.uuid(), username: z.string(), avatarUrl: ZAvatarUrl, role: ZRole, ban: ZBanState });
export const ZAdminUser = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  avatarUrl: ZAvatarUrl,
  email: z.string().optional().describe("admins only"),
  role: ZRole,
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

/** The entities the OpenAPI document names as components (everything else is inlined). */
export const ENTITIES = {
  Error: ZError,
  UserRef: ZUserRef,
  PublicUser: ZPublicUser,
  Me: ZMe,
  SessionInfo: ZSessionInfo,
  Category: ZCategory,
  Post: ZPost,
  Comment: ZComment,
  ProfileComment: ZProfileComment,
  Notification: ZNotification,
  Draft: ZDraft,
  Report: ZReport,
  ReactionState: ZReactionState,
  Presence: ZPresence,
  ModeratedUser: ZModeratedUser,
  AdminUser: ZAdminUser,
  ReportInQueue: ZReportInQueue,
  AdminCategory: ZAdminCategory,
  AuditEntry: ZAuditEntry,
  LiveStats: ZLiveStats,
} satisfies Record<string, z.ZodType>;
