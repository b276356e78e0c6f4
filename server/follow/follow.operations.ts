import { z } from "zod";
import { ZWatchLevel } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZMarkPostRead, ZSetWatch } from "./follow.schema";

const WRITE = ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] as const;
const Level = z.strictObject({ level: ZWatchLevel });

export const followOperations = [
  defineOperation({
    name: "markPostRead",
    method: "PUT",
    path: "/api/v1/posts/{id}/read",
    summary: "Record how far you have read a post: forward only, clamped to its last seq",
    auth: "member",
    body: ZMarkPostRead,
    limit: "read",
    ok: { 204: null },
    errors: WRITE,
    handle: ({ params, body, services, viewer }) => services.follow.markRead(viewer, params.id, body.seq),
  }),
  defineOperation({
    name: "watchPost",
    method: "PUT",
    path: "/api/v1/posts/{id}/watch",
    summary: "Your watch level on a post: watching (every comment), normal (replies and mentions), muted (nothing)",
    auth: "member",
    body: ZSetWatch,
    limit: "write",
    ok: { 200: Level },
    errors: WRITE,
    handle: ({ params, body, services, viewer }) => services.follow.watchPost(viewer, params.id, body.level),
  }),
  defineOperation({
    name: "watchCategory",
    method: "PUT",
    path: "/api/v1/categories/{slug}/watch",
    summary: "Your watch level on a category: watching (every new post), normal, muted (nothing; its posts leave your home feed)",
    auth: "member",
    body: ZSetWatch,
    limit: "write",
    ok: { 200: Level },
    errors: WRITE,
    handle: ({ params, body, services, viewer }) => services.follow.watchCategory(viewer, params.slug, body.level),
  }),
] as const;
