import { z } from "zod";
import { ZWatchLevel } from "../shapes";

export const ZMarkPostRead = z.object({
  seq: z.int().min(0).describe("the highest comment seq read; clamped to the post's last seq, never moves back"),
});

export const ZSetWatch = z.object({ level: ZWatchLevel });
export type TSetWatch = z.infer<typeof ZSetWatch>;
