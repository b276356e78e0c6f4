import type { Viewer } from "../dto";
import { unauthenticated } from "../errors";
import type { NotificationsRepository } from "./notifications.repository";

export function createNotificationsService({ repo }: { repo: NotificationsRepository }) {
  const signedIn = (viewer: Viewer | null) => {
    if (!viewer) throw unauthenticated();
    return viewer;
  };
  return {
    async list(viewer: Viewer | null, limit = 30) {
      const v = signedIn(viewer);
      const [notifications, unread] = await Promise.all([repo.list(v.id, limit), repo.unreadCount(v.id)]);
      return { notifications, unread };
    },
    async markRead(viewer: Viewer | null, ids?: string[]) {
      const v = signedIn(viewer);
      await repo.markRead(v.id, ids);
      return { unread: await repo.unreadCount(v.id) };
    },
    async markDelivered(viewer: Viewer | null, ids: string[]) {
      await repo.markDelivered(signedIn(viewer).id, ids);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
