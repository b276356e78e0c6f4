import { z } from "zod";
import { ZSessionInfo } from "../shapes";
import { defineOperation } from "../http/operation";

export const sessionsOperations = [
  defineOperation({
    name: "listSessions",
    method: "GET",
    path: "/api/v1/me/sessions",
    summary: "Where the member is signed in: one entry per sign-in, newest activity first",
    auth: "member",
    ok: { 200: z.strictObject({ sessions: z.array(ZSessionInfo) }) },
    errors: ["UNAUTHENTICATED"],
    handle: async ({ services, viewer }) => ({ sessions: await services.sessions.list(viewer) }),
  }),
  defineOperation({
    name: "endSession",
    method: "DELETE",
    path: "/api/v1/me/sessions/{id}",
    summary: "Sign one session out (its cookie is refused afterwards, its sockets close)",
    auth: "member",
    limit: "write",
    ok: { 204: null },
    errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    handle: async ({ params, services, viewer }) => services.sessions.end(viewer, params.id),
  }),
  defineOperation({
    name: "endOtherSessions",
    method: "DELETE",
    path: "/api/v1/me/sessions",
    summary: "Sign out everywhere else: every session but this one",
    auth: "member",
    limit: "write",
    ok: { 204: null },
    errors: ["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED"],
    handle: async ({ services, viewer }) => services.sessions.endOthers(viewer),
  }),
] as const;
