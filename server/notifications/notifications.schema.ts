import { z } from "zod";

/** `{ids}` marks those; `{all: true}` (or no ids at all) marks every unread one. */
export const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional(), all: z.literal(true).optional() });

export const ZNotificationQuery = z.object({
  cursor: z.string().max(200).optional(),
  unread: z.enum(["1", "0", "true", "false"]).optional().describe("1: unread ones only"),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
