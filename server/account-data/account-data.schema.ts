import { z } from "zod";
import { PASSWORD_MAX } from "../accounts/password-policy";
import { ZReactionKind, ZRole, ZNotificationKind, ZWatchLevel } from "../shapes";

/** DELETE /me: the password confirms it is really the member (a required detail when the account has one). */
export const ZDeleteAccountInput = z.object({ password: z.string().max(PASSWORD_MAX).optional() });
export type TDeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;

export const ZEmailPreferences = z.strictObject({
  emailNotifications: z.boolean().describe("mail about notifications the member has not seen (replies, mentions, what they watch)"),
});
export const ZEmailPreferencesInput = z.object({ emailNotifications: z.boolean() });

const ts = z.iso.datetime();
const target = z.enum(["post", "comment"]);

/** GET /me/export: the member's own data; others appear only as ids. */
export const ZAccountExport = z.strictObject({
  exportedAt: ts,
  forum: z.string(),
  profile: z.strictObject({
    id: z.uuid(),
    username: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    role: ZRole,
    bio: z.string(),
    locale: z.string().nullable(),
    emailNotifications: z.boolean(),
    createdAt: ts,
  }),
  posts: z.array(
    z.strictObject({ id: z.uuid(), category: z.string(), title: z.string(), body: z.string(), createdAt: ts, editedAt: ts.nullable(), deletedAt: ts.nullable() }),
  ),
  comments: z.array(
    z.strictObject({
      id: z.uuid(),
      postId: z.uuid(),
      seq: z.int(),
      body: z.string(),
      replyToId: z.uuid().nullable(),
      createdAt: ts,
      editedAt: ts.nullable(),
      deletedAt: ts.nullable(),
    }),
  ),
  reactions: z.array(z.strictObject({ targetType: target, targetId: z.uuid(), kind: ZReactionKind, createdAt: ts })),
  notifications: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: ZNotificationKind,
      actorId: z.uuid(),
      postId: z.uuid(),
      commentId: z.uuid().nullable(),
      createdAt: ts,
      readAt: ts.nullable(),
    }),
  ),
  sessions: z.array(z.strictObject({ id: z.uuid(), userAgent: z.string(), createdAt: ts, lastSeenAt: ts })),
  watches: z.array(z.strictObject({ postId: z.uuid().nullable(), categoryId: z.uuid().nullable(), level: ZWatchLevel, updatedAt: ts })),
  readPositions: z.array(z.strictObject({ postId: z.uuid(), readSeq: z.int(), updatedAt: ts })),
  drafts: z.array(z.strictObject({ key: z.string(), title: z.string().nullable(), body: z.string(), updatedAt: ts })),
  reports: z.array(z.strictObject({ targetType: target, targetId: z.uuid(), reason: z.string(), createdAt: ts })),
});
export type AccountExport = z.infer<typeof ZAccountExport>;
