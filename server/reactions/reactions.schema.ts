import { z } from "zod";

export const REACTION_KINDS = ["LIKE", "LOVE", "LAUGH", "INSIGHT"] as const;
export const ZReactionInput = z.object({ kind: z.enum(REACTION_KINDS) });
export const ZTargetType = z.enum(["post", "comment"]);
