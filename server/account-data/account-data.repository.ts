import type { Db, Tx } from "../db/client";
import { tombstoneIdentity } from "../users/deleted-member";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * All Prisma for a member's own data: the export (every row that is theirs, nothing of anyone
 * else's beyond public ids), deleting an account (a tombstone row) and the mail preference.
 */
export function createAccountDataRepository(db: Db) {
  return {
    /** For confirming a deletion only; never returned further. */
    findForDeletion: (id: string) =>
      db.user.findUnique({ where: { id, deletedAt: null }, select: { id: true, role: true, passwordHash: true } }),

    countAdmins: () => db.user.count({ where: { role: "ADMIN", deletedAt: null } }),

    /** A member a staff action may target: not deleted already. */
    findTarget: (id: string) => db.user.findUnique({ where: { id, deletedAt: null }, select: { id: true, role: true } }),

    /**
     * Turns the account into a tombstone inside `tx`: what is only about the member goes
     * (tokens, reactions, notifications, read positions, watches, drafts, unsent mail), the row
     * stays with its identity replaced and profile emptied, so posts and comments keep their
     * author id and the email and username are free again. Sessions are ended after commit.
     * Answers the avatar the account showed (its object is released after commit), or null
     * when there was no such live account.
     */
    async tombstoneIn(tx: Tx, userId: string) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, avatarKey: true } });
      if (!user) return null;
      await tx.accountToken.deleteMany({ where: { userId } });
      await tx.reaction.deleteMany({ where: { userId } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.readPosition.deleteMany({ where: { userId } });
      await tx.watch.deleteMany({ where: { userId } });
      await tx.draft.deleteMany({ where: { userId } });
      await tx.mailOutbox.deleteMany({ where: { to: user.email, sentAt: null } });
      const { count } = await tx.user.updateMany({
        where: { id: userId, deletedAt: null },
        data: {
          ...tombstoneIdentity(userId),
          role: "MEMBER",
          bio: "",
          locale: null,
          emailVerifiedAt: null,
          emailNotifications: false,
          bannedAt: null,
          bannedUntil: null,
          banReason: null,
          bannedByRole: null,
          sessionVersion: { increment: 1 },
          deletedAt: new Date(),
        },
      });
      return count === 1 ? { avatarKey: user.avatarKey } : null;
    },

    async emailNotifications(userId: string) {
      const row = await db.user.findUnique({ where: { id: userId, deletedAt: null }, select: { emailNotifications: true } });
      return row?.emailNotifications ?? null;
    },
    async setEmailNotifications(userId: string, on: boolean) {
      const { count } = await db.user.updateMany({ where: { id: userId, deletedAt: null }, data: { emailNotifications: on } });
      return count === 1;
    },

    /** Everything Parley keeps that is the member's own, as plain JSON. */
    async exportOf(userId: string) {
      const where = { userId };
      const [user, posts, comments, reactions, notifications, sessions, watches, readPositions, drafts, reports] = await Promise.all([
        db.user.findUnique({
          where: { id: userId },
          select: { id: true, username: true, email: true, emailVerifiedAt: true, role: true, bio: true, locale: true, emailNotifications: true, createdAt: true },
        }),
        db.post.findMany({
          where: { authorId: userId },
          orderBy: { createdAt: "asc" },
          select: { id: true, title: true, body: true, category: { select: { slug: true } }, createdAt: true, editedAt: true, deletedAt: true },
        }),
        db.comment.findMany({
          where: { authorId: userId },
          orderBy: { createdAt: "asc" },
          select: { id: true, postId: true, seq: true, body: true, replyToId: true, createdAt: true, editedAt: true, deletedAt: true },
        }),
        db.reaction.findMany({ where, orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, kind: true, createdAt: true } }),
        db.notification.findMany({
          where,
          orderBy: { createdAt: "asc" },
          // No excerpt: it quotes another member's words (which may since be hidden); ids lead to them.
          select: { id: true, kind: true, actorId: true, postId: true, commentId: true, createdAt: true, readAt: true },
        }),
        db.session.findMany({ where, orderBy: { createdAt: "asc" }, select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true } }),
        db.watch.findMany({ where, select: { postId: true, categoryId: true, level: true, updatedAt: true } }),
        db.readPosition.findMany({ where, select: { postId: true, readSeq: true, updatedAt: true } }),
        db.draft.findMany({ where, orderBy: { updatedAt: "asc" }, select: { key: true, title: true, body: true, updatedAt: true } }),
        db.report.findMany({
          where: { reporterId: userId },
          orderBy: { createdAt: "asc" },
          select: { targetType: true, targetId: true, reason: true, createdAt: true },
        }),
      ]);
      if (!user) return null;
      return {
        profile: {
          id: user.id,
          username: user.username,
          email: user.email,
          emailVerified: user.emailVerifiedAt !== null,
          role: user.role,
          bio: user.bio,
          locale: user.locale,
          emailNotifications: user.emailNotifications,
          createdAt: user.createdAt.toISOString(),
        },
        posts: posts.map(({ category, ...p }) => ({
          ...p,
          category: category.slug,
          createdAt: p.createdAt.toISOString(),
          editedAt: iso(p.editedAt),
          deletedAt: iso(p.deletedAt),
        })),
        comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), editedAt: iso(c.editedAt), deletedAt: iso(c.deletedAt) })),
        reactions: reactions.map((r) => ({ ...r, targetType: r.targetType.toLowerCase() as "post" | "comment", createdAt: r.createdAt.toISOString() })),
        notifications: notifications.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) })),
        sessions: sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
        watches: watches.map((w) => ({ ...w, level: w.level.toLowerCase() as "watching" | "normal" | "muted", updatedAt: w.updatedAt.toISOString() })),
        readPositions: readPositions.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
        drafts: drafts.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
        reports: reports.map((r) => ({ ...r, targetType: r.targetType.toLowerCase() as "post" | "comment", createdAt: r.createdAt.toISOString() })),
      };
    },
  };
}

export type AccountDataRepository = ReturnType<typeof createAccountDataRepository>;
