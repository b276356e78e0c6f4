import { z } from "zod";
import { ZReactionKind } from "../shapes";

export const ZReactionInput = z.object({ kind: ZReactionKind });
