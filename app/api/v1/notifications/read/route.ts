import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZMarkRead } from "@/server/notifications/notifications.service";

/** Marks the given notifications (or all) as read; returns the unread count left. */
export const POST = route(async ({ body, services, viewer }) => {
  const { ids } = await body(ZMarkRead);
  return json(await services.notifications.markRead(viewer, ids));
});
