import type { Db, Tx } from "../db/client";
import { postSelect } from "../posts/posts.repository";
import { commentSelect } from "../comments/comments.repository";
import { reportSelect } from "../reports/reports.repository";
import { banOf, toAccess, viewerSelect } from "../users/users.repository";
import type { Role, UserRef } from "../dto";
import { toUserRef, userRefSelect } from "../users/user-ref";
import { escapeLike } from "../db/like";

/** Prisma for moderation: each write takes the transaction its audit entry is written in. */
export function createModerationRepository(db: Db) {
  return {
    updatePost: (
      tx: Tx,
      id: string,
      data: {
        locked?: boolean;
        pinned?: boolean;
        hidden?: boolean;
        categoryId?: string;
        deletedAt?: Date;
        title?: string;
        body?: string;
        bodyHtml?: string;
        editedAt?: Date;
      },
    ) => tx.post.update({ where: { id }, data, select: postSelect }),

    updateComment: (tx: Tx, id: string, data: { hidden?: boolean; deletedAt?: Date; body?: string; bodyHtml?: string; editedAt?: Date }) =>
      tx.comment.update({ where: { id }, data, select: commentSelect }),

    /**
     * Soft-deletes a comment and keeps its post's count in step: only a comment this call
     * actually deleted is counted off, so two racing deletes cannot count it twice.
     */
    async deleteComment(tx: Tx, id: string, postId: string) {
      const { count } = await tx.comment.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
      if (count) await tx.post.update({ where: { id: postId }, data: { commentCount: { decrement: 1 } } });
      return count > 0;
    },

    async findUser(id: string) {
      const row = await db.user.findUnique({ where: { id, deletedAt: null }, select: { ...viewerSelect, bannedByRole: true } });
      return row ? { ...toAccess(row), banRank: row.bannedByRole } : null;
    },

    /** A ban also bumps the session version: every session issued before it is revoked. */
    ban: (tx: Tx, id: string, reason: string, until: Date | null, byRole: Role) =>
      tx.user.update({
        where: { id },
        data: { bannedAt: new Date(), bannedUntil: until, banReason: reason, bannedByRole: byRole, sessionVersion: { increment: 1 } },
        select: { id: true },
      }),

    unban: (tx: Tx, id: string) =>
      tx.user.update({
        where: { id },
        data: { bannedAt: null, bannedUntil: null, banReason: null, bannedByRole: null },
        select: { id: true },
      }),

    /**
     * Claims an open report for one resolution, inside the resolving transaction: the row lock
     * makes a second resolver wait, then find it closed (false), so only one resolution lands.
     */
    async claimReport(tx: Tx, id: string) {
      const { count } = await tx.report.updateMany({ where: { id, status: "OPEN" }, data: { resolvedAt: new Date() } });
      return count === 1;
    },

    setRole: (tx: Tx, id: string, role: Role) => tx.user.update({ where: { id }, data: { role }, select: { id: true } }),

    /** `byEmail`: admins also find members by email (moderators, who never see emails, do not). */
    async listUsers(q: { q?: string; limit: number; offset: number }, { byEmail }: { byEmail: boolean }) {
      // usernames are citext: `contains` compares case-insensitively; wildcards are escaped.
      const pattern = q.q ? escapeLike(q.q) : undefined;
      // Deleted accounts are tombstones, not members: the list leaves them out.
      const where = pattern
        ? {
            deletedAt: null,
            OR: [{ username: { contains: pattern } }, ...(byEmail ? [{ email: { contains: pattern.toLowerCase() } }] : [])],
          }
        : { deletedAt: null };
      const [rows, total] = await Promise.all([
        db.user.findMany({
          where,
          select: {
            ...userRefSelect,
            email: true,
            role: true,
            createdAt: true,
            bannedAt: true,
            bannedUntil: true,
            banReason: true,
            _count: { select: { posts: true, comments: true } },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: q.limit,
          skip: q.offset,
        }),
        db.user.count({ where }),
      ]);
      return {
        total,
        users: rows.map((r) => ({
          ...toUserRef(r),
          email: r.email,
          role: r.role,
          createdAt: r.createdAt.toISOString(),
          ban: banOf(r),
          posts: r._count.posts,
          comments: r._count.comments,
        })),
      };
    },

    listReports: (status: "OPEN" | "RESOLVED" | "DISMISSED" | undefined, limit: number) =>
      db.report.findMany({
        where: status ? { status } : {},
        select: reportSelect,
        orderBy: { createdAt: status === "OPEN" ? "asc" : "desc" },
        take: limit,
      }),

    async userRefs(ids: string[]) {
      if (ids.length === 0) return new Map<string, UserRef>();
      const rows = await db.user.findMany({ where: { id: { in: ids } }, select: userRefSelect });
      return new Map(rows.map((r) => [r.id, toUserRef(r)]));
    },

    findReport: (id: string) => db.report.findUnique({ where: { id }, select: reportSelect }),

    /** Closes every open report on the same target, so one decision clears the queue for it. */
    async closeReports(
      tx: Tx,
      target: { targetType: "POST" | "COMMENT"; targetId: string },
      by: string,
      status: "RESOLVED" | "DISMISSED",
      resolution: string,
      note?: string,
    ) {
      await tx.report.updateMany({
        where: { ...target, status: "OPEN" },
        data: { status, resolution, note: note ?? null, resolvedById: by, resolvedAt: new Date() },
      });
    },

    /** Posts and comments the reports point at, for showing them in context. */
    async reportTargets(postIds: string[], commentIds: string[]) {
      const [posts, comments] = await Promise.all([
        postIds.length ? db.post.findMany({ where: { id: { in: postIds } }, select: postSelect }) : [],
        commentIds.length
          ? db.comment.findMany({ where: { id: { in: commentIds } }, select: { ...commentSelect, post: { select: { title: true } } } })
          : [],
      ]);
      return { posts, comments };
    },

    createCategory: (tx: Tx, data: { slug: string; name: string; description: string; position: number }) =>
      tx.category.create({ data, select: { id: true, slug: true, name: true, description: true, position: true } }),

    updateCategory: (tx: Tx, slug: string, data: { name?: string; description?: string; position?: number }) =>
      tx.category.update({ where: { slug }, data, select: { id: true, slug: true, name: true, description: true, position: true } }),

    findCategory: (slug: string) =>
      db.category.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true, position: true } }),

    countCategories: () => db.category.count(),

    async counts(since: Date) {
      const [postsToday, commentsToday, openReports] = await Promise.all([
        db.post.count({ where: { createdAt: { gte: since }, deletedAt: null } }),
        db.comment.count({ where: { createdAt: { gte: since }, deletedAt: null } }),
        db.report.count({ where: { status: "OPEN" } }),
      ]);
      return { postsToday, commentsToday, openReports };
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
