import { z } from "zod";

const reason = z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters");

export const ZPostModeration = z
  .object({
    locked: z.boolean().optional(),
    pinned: z.boolean().optional(),
    hidden: z.boolean().optional(),
    categorySlug: z.string().trim().min(1).max(40).optional(),
    reason: reason.optional(),
  })
  .strict()
  .refine((v) => v.locked !== undefined || v.pinned !== undefined || v.hidden !== undefined || v.categorySlug !== undefined, {
    message: "give at least one of locked, pinned, hidden, categorySlug",
    path: ["locked"],
  });
export type TPostModeration = z.infer<typeof ZPostModeration>;

export const ZCommentModeration = z.object({ hidden: z.boolean(), reason: reason.optional() }).strict();
export type TCommentModeration = z.infer<typeof ZCommentModeration>;

export const ZBan = z.object({
  reason,
  until: z
    .string()
    .datetime({ offset: true, message: "must be an ISO date-time" })
    .refine((s) => Date.parse(s) > Date.now(), "must be in the future")
    .optional()
    .nullable(),
});
export type TBan = z.infer<typeof ZBan>;

export const ZUnban = z.object({ reason: reason.optional() }).optional().default({});

export const ZRoleChange = z.object({ role: z.enum(["MEMBER", "MODERATOR", "ADMIN"]), reason: reason.optional() }).strict();
export type TRoleChange = z.infer<typeof ZRoleChange>;

export const RESOLVE_ACTIONS = ["dismiss", "hide", "delete", "lock", "ban"] as const;
export const ZResolve = z.object({
  action: z.enum(RESOLVE_ACTIONS),
  note: z.string().trim().max(1000).optional(),
  /** For action "ban": until when (omit for a permanent ban). */
  banUntil: ZBan.shape.until,
});
export type TResolve = z.infer<typeof ZResolve>;

export const ZReportQuery = z.object({
  status: z.enum(["open", "resolved", "dismissed", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZAuditQuery = z.object({
  actor: z.string().uuid().optional(),
  targetUser: z.string().uuid().optional(),
  action: z
    .string()
    .max(40)
    .regex(/^[a-z.]+$/)
    .optional(),
  before: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZUsersQuery = z.object({
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TUsersQuery = z.infer<typeof ZUsersQuery>;
