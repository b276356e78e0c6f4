import { z } from "zod";
import { defineOperation } from "../http/operation";
import { ZChangePasswordInput, ZForgotPasswordInput, ZResetPasswordInput, ZTokenInput } from "./accounts.schema";

const PUBLIC_WRITE = ["BAD_JSON", "VALIDATION_FAILED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] as const;
const MEMBER_WRITE = [...PUBLIC_WRITE, "UNAUTHENTICATED"] as const;

export const accountsOperations = [
  defineOperation({
    name: "verifyEmail",
    method: "POST",
    path: "/api/v1/auth/verify-email",
    summary: "Confirm an email address with the token from the mailed link (single use, 24 h)",
    body: ZTokenInput,
    limit: { name: "write", by: "ip" },
    ok: { 204: null },
    errors: [...PUBLIC_WRITE, "INVALID_TOKEN"],
    handle: async ({ body, services }) => services.accounts.verifyEmail(body.token),
  }),
  defineOperation({
    name: "requestEmailVerification",
    method: "POST",
    path: "/api/v1/me/verify-email",
    summary: "Mail a new verification link to the signed-in member (nothing when already verified)",
    auth: "member",
    body: z.strictObject({}).optional().describe("nothing: the link goes to the member's own address"),
    optionalBody: true,
    limit: "write",
    ok: { 202: null },
    errors: MEMBER_WRITE,
    handle: async ({ services, viewer }) => services.accounts.requestVerification(viewer),
  }),
  defineOperation({
    name: "forgotPassword",
    method: "POST",
    path: "/api/v1/auth/password/forgot",
    summary: "Mail a password reset link (1 h, single use); 202 whether or not the email has an account",
    body: ZForgotPasswordInput,
    ok: { 202: null },
    errors: PUBLIC_WRITE,
    handle: async ({ body, services, ip }) => services.accounts.forgotPassword(body.email, ip),
  }),
  defineOperation({
    name: "resetPassword",
    method: "POST",
    path: "/api/v1/auth/password/reset",
    summary: "Set a new password with the mailed reset token; ends every session of the account",
    body: ZResetPasswordInput,
    limit: { name: "write", by: "ip" },
    ok: { 204: null },
    errors: [...PUBLIC_WRITE, "INVALID_TOKEN"],
    handle: async ({ body, services }) => services.accounts.resetPassword(body.token, body.password),
  }),
  defineOperation({
    name: "changePassword",
    method: "POST",
    path: "/api/v1/me/password",
    summary: "Change the password (the current one required); ends the member's other sessions",
    auth: "member",
    body: ZChangePasswordInput,
    limit: "write",
    ok: { 204: null },
    errors: MEMBER_WRITE,
    handle: async ({ body, services, viewer }) => services.accounts.changePassword(viewer, body),
  }),
] as const;

