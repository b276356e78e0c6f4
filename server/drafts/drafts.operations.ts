import { z } from "zod";
import { ZDraft } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZSaveDraft } from "./drafts.schema";

const READ = ["VALIDATION_FAILED", "UNAUTHENTICATED", "NOT_FOUND"] as const;
const WRITE = ["BAD_JSON", "VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] as const;

export const draftsOperations = [
  defineOperation({
    name: "getDraft",
    method: "GET",
    path: "/api/v1/drafts/{key}",
    summary: "Your draft for a composer: `new-post` or `post:<id>` (404 when none)",
    auth: "member",
    ok: { 200: z.strictObject({ draft: ZDraft }) },
    errors: READ,
    handle: async ({ params, services, viewer }) => ({ draft: await services.drafts.get(viewer, params.key) }),
  }),
  defineOperation({
    name: "saveDraft",
    method: "PUT",
    path: "/api/v1/drafts/{key}",
    summary: "Save a draft (at most 50 per member: the oldest is evicted)",
    auth: "member",
    body: ZSaveDraft,
    limit: "draft",
    ok: { 204: null },
    errors: WRITE,
    handle: ({ params, body, services, viewer }) => services.drafts.save(viewer, params.key, body),
  }),
  defineOperation({
    name: "deleteDraft",
    method: "DELETE",
    path: "/api/v1/drafts/{key}",
    summary: "Discard a draft",
    auth: "member",
    limit: "draft",
    ok: { 204: null },
    errors: ["VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"],
    handle: ({ params, services, viewer }) => services.drafts.remove(viewer, params.key),
  }),
] as const;
