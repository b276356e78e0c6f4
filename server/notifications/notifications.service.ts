import type { Viewer } from "../dto";
import { AppError, unauthenticated } from "../errors";
import { isUuid } from "../ids";
import type { Presenters } from "../presenters";
import type { NotificationCursor, NotificationsRepository } from "./notifications.repository";

function encodeCursor(n: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify({ at: n.createdAt, id: n.id } satisfies NotificationCursor)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): NotificationCursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as NotificationCursor;
    if (!Number.isNaN(Date.parse(c.at)) && isUuid(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new AppError("VALIDATION_FAILED", "cursor is not valid", [{ field: "cursor", message: "is not valid" }]);
}

export function createNotificationsService({
  repo,
  present,
}: {
  repo: NotificationsRepository;
  present: Pick<Presenters, "notification">;
}) {
  const signedIn = (viewer: Viewer | null) => {
    if (!viewer) throw unauthenticated();
    return viewer;
  };
  return {
    /** A page of the member's notifications (newest first; `unread`: unread only) and their unread count. */
    async list(viewer: Viewer | null, opts: { limit?: number; unread?: boolean; cursor?: string } = {}) {
      const v = signedIn(viewer);
      const limit = opts.limit ?? 30;
      const [rows, unread] = await Promise.all([
        repo.list(v.id, { limit, unread: opts.unread, cursor: decodeCursor(opts.cursor) }),
        repo.unreadCount(v.id),
      ]);
      const page = rows.slice(0, limit);
      return {
        notifications: page.map(present.notification),
        unread,
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
    /** Marks the given ids (or, without ids, all) read; returns the unread count left. */
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
