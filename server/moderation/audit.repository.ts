import { isDeletedUsername } from "../users/deleted-member";
import type { Db, Tx } from "../db/client";
import { toUserRef, userRefSelect } from "../users/user-ref";
import { Prisma } from "../db/client";

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: "post" | "comment" | "user" | "report" | "category";
  targetId: string;
  targetUserId?: string | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const json = (v: Record<string, unknown> | null | undefined) => (v == null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

const select = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  targetUserId: true,
  reason: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: userRefSelect },
  targetUser: { select: { username: true } },
} as const;

/** The audit log: written only inside the transaction of the action it records; never updated. */
export function createAuditRepository(db: Db) {
  return {
    /** Runs `work` and records its audit entries in the same transaction: both land or neither. */
    async withAudit<T>(work: (tx: Tx) => Promise<{ result: T; entries: AuditEntry[] }>): Promise<T> {
      return db.$transaction(async (tx) => {
        const { result, entries } = await work(tx);
        if (entries.length)
          await tx.moderationAction.createMany({
            data: entries.map((e) => ({
              ...e,
              targetUserId: e.targetUserId ?? null,
              reason: e.reason ?? null,
              before: json(e.before),
              after: json(e.after),
            })),
          });
        return result;
      });
    },
    async list(q: { actor?: string; targetUser?: string; action?: string; before?: string; limit: number }) {
      const rows = await db.moderationAction.findMany({
        where: {
          actorId: q.actor,
          targetUserId: q.targetUser,
          ...(q.action ? { action: q.action.includes(".") ? q.action : { startsWith: `${q.action}.` } } : {}),
          ...(q.before ? { createdAt: { lt: new Date(q.before) } } : {}),
        },
        select,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: q.limit,
      });
      // Comments are shown in their post: one lookup for every comment target on the page.
      const commentIds = rows.filter((r) => r.targetType === "comment").map((r) => r.targetId);
      const postOf = new Map(
        commentIds.length
          ? (await db.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, postId: true } })).map((c) => [
              c.id,
              c.postId,
            ])
          : [],
      );
      return rows.map((r) => ({
        id: r.id,
        actor: toUserRef(r.actor),
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        targetUserId: r.targetUserId,
        targetUsername: r.targetUser && !isDeletedUsername(r.targetUser.username) ? r.targetUser.username : null,
        /** For comment targets: the post the comment is on. */
        targetPostId: r.targetType === "comment" ? (postOf.get(r.targetId) ?? null) : r.targetType === "post" ? r.targetId : null,
        reason: r.reason,
        before: r.before,
        after: r.after,
        createdAt: r.createdAt.toISOString(),
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
export type AuditLogEntry = Awaited<ReturnType<AuditRepository["list"]>>[number];
