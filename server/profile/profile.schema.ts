import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const BIO_MAX = 500;
/** Tabs and newlines survive; every other control character reads as nothing. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * `bio` is plain text (no markdown, no HTML: pages print it as text, line breaks kept), at most
 * 500 characters after trimming; "" clears it. `locale` is a shipped interface language, or null
 * to go back to the cookie and the browser's Accept-Language.
 */
export const ZUpdateMeInput = z
  .strictObject({
    bio: z
      .string()
      .transform((s) => s.replace(CONTROL, "").replace(/\r\n?/g, "\n").trim())
      .pipe(z.string().max(BIO_MAX, `must be at most ${BIO_MAX} characters`))
      .optional(),
    locale: z
      .enum(LOCALES as [string, ...string[]], { error: `must be one of ${LOCALES.join(", ")}` })
      .nullable()
      .optional(),
  })
  .describe("only the fields given change");
export type TUpdateMeInput = z.infer<typeof ZUpdateMeInput>;

/** `GET /api/v1/avatars/{file}`: the content hash and the one format avatars are stored in. */
export const AVATAR_FILE = /^([0-9a-f]{64})\.webp$/;
