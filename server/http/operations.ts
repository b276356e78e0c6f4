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
import { searchOperations } from "../search/search.operations";
import { accountsOperations } from "../accounts/accounts.operations";
import { sessionsOperations } from "../sessions/sessions.operations";
import { followOperations } from "../follow/follow.operations";
import { draftsOperations } from "../drafts/drafts.operations";
import { identityOperations } from "../identity/identity.operations";
import { accountDataOperations } from "../account-data/account-data.operations";
import { profileOperations } from "../profile/profile.operations";

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
  ...searchOperations,
  ...accountsOperations,
  ...sessionsOperations,
  ...followOperations,
  ...draftsOperations,
  ...identityOperations,
  ...accountDataOperations,
  ...profileOperations,
  defineOperation({
    name: "openApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document",
    session: false,
    ok: { 200: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }) },
    errors: [],
    handle: async (): Promise<OpenApiDocument> => openApiDocument(OPERATIONS),
  }),
  defineOperation({
    name: "health",
    method: "GET",
    path: "/api/health",
    summary: "Liveness, database and Redis (200 while the node can serve, degraded or not; 503 when it cannot)",
    ok: { 200: ZHealth, 503: ZHealth },
    errors: [],
    // Health reports the database itself (its own 503), so the router must not need it first.
    session: false,
    async handle({ services }) {
      const { db, redis } = await services.health();
      const body = { db, redis, degraded: db !== "ok" || redis === "down", uptime: Math.round(process.uptime()) };
      return db === "ok" ? { status: "ok" as const, ...body } : reply(503, { status: "unavailable" as const, ...body });
    },
  }),
] as const;

export type Operations = (typeof OPERATIONS)[number];
