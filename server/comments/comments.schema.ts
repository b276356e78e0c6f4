import { z } from "zod";
import { LIMITS, ZClientId } from "../posts/posts.schema";

export const ZCreateComment = z.object({
  body: z.string().trim().min(1, "must not be empty").max(LIMITS.comment, `must be at most ${LIMITS.comment} characters`),
  clientId: ZClientId.optional(),
  replyToId: z.string().max(40).optional().describe("a comment of the same post this one answers"),
});
export type TCreateComment = z.infer<typeof ZCreateComment>;

export const ZUpdateComment = z.object({ body: ZCreateComment.shape.body }).strict();
export type TUpdateComment = z.infer<typeof ZUpdateComment>;

export const ZCommentListQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
