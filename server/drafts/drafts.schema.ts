import { z } from "zod";
import { LIMITS } from "../posts/posts.schema";

/** At most this many drafts per member: saving one more evicts the oldest. */
export const MAX_DRAFTS = 50;

/** `new-post` (the new-post form) or `post:<id>` (the comment composer of that post). */
export const DRAFT_KEY = /^(new-post|post:[0-9a-f-]{36})$/i;

export const ZSaveDraft = z.object({
  title: z.string().max(LIMITS.title, `must be at most ${LIMITS.title} characters`).optional(),
  // The limit of the content the draft will become (a post body or a comment).
  body: z.string().max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
});
export type TSaveDraft = z.infer<typeof ZSaveDraft>;
