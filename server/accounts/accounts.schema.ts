import { z } from "zod";
import { PASSWORD_MAX, ZNewPassword } from "./password-policy";

/** A mailed link's token: any string; a malformed one is INVALID_TOKEN, like a used one. */
const ZToken = z.string().max(512);

export const ZTokenInput = z.object({ token: ZToken });
export const ZForgotPasswordInput = z.object({ email: z.string().trim().toLowerCase().email("must be a valid email").max(254) });
export const ZResetPasswordInput = z.object({ token: ZToken, password: ZNewPassword });
export const ZChangePasswordInput = z.object({ currentPassword: z.string().max(PASSWORD_MAX), newPassword: ZNewPassword });
