import { z } from "zod";
import { ZHealth } from "../shapes";
import { defineOperation, reply } from "./operation";
import { openApiDocument, type OpenApiDocument } from "./openapi";
import { usersOperations } from "../users/users.operations";
import { categoriesOperations } from "../categories/categories.operations";
import { postsOperations } from "../posts/posts.operations";
import { commentsOperations } from "../comments/comments.operations";
import { reactionsOperations } from "../reactions/reactions.operations";
import { notificationsOperations } from "../notifications/notifications.operations";
import { presenceOperations } from "../presence/presence.operations";
import { reportsOperations } from "../reports/reports.operations";
import { moderationOperations } from "../moderation/moderation.operations";

/**
 * Every HTTP operation Parley serves, in one list: app/api/[...path]/route.ts routes them,
 * openapi.ts documents them, and components/api.ts types the browser's calls from them.
 * Adding an endpoint is one declaration in its domain's *.operations.ts and one service call.
 */
export const OPERATIONS = [
  ...usersOperations,
  ...categoriesOperations,
  ...postsOperations,
  ...commentsOperations,
  ...reactionsOperations,
  ...notificationsOperations,
  ...presenceOperations,
  ...reportsOperations,
  ...moderationOperations,
  defineOperation({
    name: "openApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document",
    ok: { 200: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }) },
    errors: [],
    handle: async (): Promise<OpenApiDocument> => openApiDocument(OPERATIONS),
  }),
  defineOperation({
    name: "health",
    method: "GET",
    path: "/api/health",
    summary: "Liveness and database check (503 when the node cannot serve)",
    ok: { 200: ZHealth, 503: ZHealth },
    errors: [],
    async handle({ services }) {
      try {
        return { status: "ok" as const, ...(await services.health()), uptime: Math.round(process.uptime()) };
      } catch {
        return reply(503, { status: "unavailable" as const, db: "unreachable" as const });
      }
    },
  }),
] as const;

export type Operations = (typeof OPERATIONS)[number];
