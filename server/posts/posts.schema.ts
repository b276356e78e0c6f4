import { z } from "zod";

export const LIMITS = { title: 200, body: 40_000, comment: 20_000, clientId: 64 } as const;

export const ZClientId = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.clientId)
  .regex(/^[A-Za-z0-9_.:-]+$/, "may contain letters, digits and _ . : - only");

export const ZCreatePost = z.object({
  categorySlug: z.string().trim().min(1, "must not be empty").max(40),
  title: z.string().trim().min(1, "must not be empty").max(LIMITS.title, `must be at most ${LIMITS.title} characters`),
  body: z.string().trim().min(1, "must not be empty").max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
  clientId: ZClientId.optional(),
});
export type TCreatePost = z.infer<typeof ZCreatePost>;

export const ZUpdatePost = z
  .object({
    title: ZCreatePost.shape.title.optional(),
    body: ZCreatePost.shape.body.optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.body !== undefined, { message: "give title or body", path: ["title"] });
export type TUpdatePost = z.infer<typeof ZUpdatePost>;

export const ZPostListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
