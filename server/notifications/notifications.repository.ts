import type { Db } from "../db/client";
import { toUserRef, userRefSelect } from "../users/user-ref";
import type { NotificationFacts } from "../presenters";

const select = {
  id: true,
  kind: true,
  postId: true,
  commentId: true,
  excerpt: true,
  createdAt: true,
  readAt: true,
  actor: { select: userRefSelect },
} as const;

/** Keyset position in the list order: newest first. */
export interface NotificationCursor {
  at: string;
  id: string;
}

export function createNotificationsRepository(db: Db) {
  return {
    /** Newest first, one more than `limit` (the caller pages on it); posts and comments looked up in one query each. */
    async list(userId: string, opts: { limit: number; unread?: boolean; cursor?: NotificationCursor }): Promise<NotificationFacts[]> {
      const c = opts.cursor;
      const at = c ? new Date(c.at) : undefined;
      const rows = await db.notification.findMany({
        where: {
          userId,
          ...(opts.unread && { readAt: null }),
          ...(c && { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: c.id } }] }),
        },
        select,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: opts.limit + 1,
      });
      const [posts, comments] = await Promise.all([
        db.post.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.postId))] } }, select: { id: true, title: true } }),
        db.comment.findMany({ where: { id: { in: rows.flatMap((r) => r.commentId ?? []) } }, select: { id: true, seq: true } }),
      ]);
      const titles = new Map(posts.map((p) => [p.id, p.title]));
      const seqs = new Map(comments.map((x) => [x.id, x.seq]));
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        actor: toUserRef(r.actor),
        post: { id: r.postId, title: titles.get(r.postId) ?? "" },
        comment: r.commentId ? { id: r.commentId, seq: seqs.get(r.commentId) ?? 0 } : null,
        excerpt: r.excerpt,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      }));
    },
    async unreadCount(userId: string) {
      return db.notification.count({ where: { userId, readAt: null } });
    },
    async markRead(userId: string, ids?: string[]) {
      await db.notification.updateMany({
        where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
        data: { readAt: new Date() },
      });
    },
    async markDelivered(userId: string, ids: string[]) {
      await db.notification.updateMany({ where: { userId, id: { in: ids }, deliveredAt: null }, data: { deliveredAt: new Date() } });
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
