import { z } from "zod";
import { PASSWORD_MAX, ZNewPassword } from "../accounts/password-policy";

export const ZRegisterInput = z.object({
  email: z.string().trim().toLowerCase().email("must be a valid email").max(254),
  username: z
    .string()
    .trim()
    .min(3, "must be at least 3 characters")
    .max(32, "must be at most 32 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may contain letters, digits, _ and - only"),
  password: ZNewPassword,
});
export type TRegisterInput = z.infer<typeof ZRegisterInput>;

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(PASSWORD_MAX),
});

export const ZUserPrefixQuery = z.object({
  prefix: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
