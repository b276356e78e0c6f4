import { z } from "zod";
import { ZNotification } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZMarkRead } from "./notifications.schema";

export const notificationsOperations = [
  defineOperation({
    name: "listNotifications",
    method: "GET",
    path: "/api/v1/notifications",
    summary: "Your latest notifications and unread count",
    auth: "member",
    ok: { 200: z.strictObject({ notifications: z.array(ZNotification), unread: z.int() }) },
    errors: ["UNAUTHENTICATED"],
    handle: ({ services, viewer }) => services.notifications.list(viewer),
  }),
  defineOperation({
    name: "markNotificationsRead",
    method: "POST",
    path: "/api/v1/notifications/read",
    summary: "Mark the given notifications (or all) read; returns the unread count left",
    auth: "member",
    body: ZMarkRead,
    ok: { 200: z.strictObject({ unread: z.int() }) },
    errors: ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE"],
    handle: ({ body, services, viewer }) => services.notifications.markRead(viewer, body.ids),
  }),
] as const;
