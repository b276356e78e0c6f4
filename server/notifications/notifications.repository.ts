import type { Db } from "../db/client";
import type { Notification } from "../dto";

const select = {
  id: true,
  kind: true,
  postId: true,
  commentId: true,
  excerpt: true,
  createdAt: true,
  readAt: true,
  actor: { select: { id: true, username: true } },
} as const;

export function createNotificationsRepository(db: Db) {
  return {
    async list(userId: string, limit: number): Promise<Notification[]> {
      const rows = await db.notification.findMany({ where: { userId }, select, orderBy: { createdAt: "desc" }, take: limit });
      const titles = new Map(
        (await db.post.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.postId))] } }, select: { id: true, title: true } })).map(
          (p) => [p.id, p.title],
        ),
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        actor: r.actor,
        postId: r.postId,
        postTitle: titles.get(r.postId) ?? "",
        commentId: r.commentId,
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
