import { z } from "zod";
import { ZNotification } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZMarkRead, ZNotificationQuery } from "./notifications.schema";

export const notificationsOperations = [
  defineOperation({
    name: "listNotifications",
    method: "GET",
    path: "/api/v1/notifications",
    summary: "Your notifications, newest first (`unread=1`: unread only), a page at a time, and your unread count",
    auth: "member",
    query: ZNotificationQuery,
    ok: { 200: z.strictObject({ notifications: z.array(ZNotification), unread: z.int(), nextCursor: z.string().nullable() }) },
    errors: ["VALIDATION_FAILED", "UNAUTHENTICATED"],
    handle: ({ query, services, viewer }) =>
      services.notifications.list(viewer, {
        cursor: query.cursor,
        limit: query.limit,
        unread: query.unread === "1" || query.unread === "true",
      }),
  }),
  defineOperation({
    name: "markNotificationsRead",
    method: "POST",
    path: "/api/v1/notifications/read",
    summary: "Mark the given notifications (`{ids}`) or all (`{all: true}`) read; returns the unread count left",
    auth: "member",
    body: ZMarkRead,
    ok: { 200: z.strictObject({ unread: z.int() }) },
    errors: ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE"],
    handle: ({ body, services, viewer }) => services.notifications.markRead(viewer, body.all ? undefined : body.ids),
  }),
] as const;
