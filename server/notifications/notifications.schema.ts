import { z } from "zod";

export const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional() });
