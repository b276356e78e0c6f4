import { z } from "zod";

export const ZCreateReport = z.object({
  targetType: z.enum(["post", "comment"]),
  targetId: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(3, "must be at least 3 characters").max(1000, "must be at most 1000 characters"),
});
export type TCreateReport = z.infer<typeof ZCreateReport>;
