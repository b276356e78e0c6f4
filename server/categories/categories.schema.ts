import { z } from "zod";

export const ZCategoryInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9-]+$/, "may contain a-z, 0-9 and - only"),
  name: z.string().trim().min(1, "must not be empty").max(60),
  description: z.string().trim().max(300).default(""),
});
export type TCategoryInput = z.infer<typeof ZCategoryInput>;

export const ZCategoryUpdate = ZCategoryInput.omit({ slug: true })
  .partial()
  .extend({ position: z.number().int().min(0).max(10_000).optional() });
export type TCategoryUpdate = z.infer<typeof ZCategoryUpdate>;
