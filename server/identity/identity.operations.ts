import { parse } from "cookie";
import { z } from "zod";
import { ZPublicUser } from "../shapes";
import { defineOperation, reply } from "../http/operation";
import { sessionSetCookie } from "../auth/session-cookie";
import { ZProviderSignupInput } from "./identity.schema";
import { PENDING_SIGNUP_COOKIE } from "./pending";

export const identityOperations = [
  defineOperation({
    name: "completeProviderSignup",
    method: "POST",
    path: "/api/v1/auth/provider-signup",
    summary:
      "Finish a first sign-in through an identity provider whose username was taken or invalid: creates the member " +
      "(no password) with the chosen username and signs them in (Set-Cookie). Needs the short-lived sign-up cookie " +
      "the provider callback set; without it, or after 10 minutes, 400 INVALID_TOKEN",
    body: ZProviderSignupInput,
    limit: { name: "register", by: "ip" },
    ok: { 201: z.strictObject({ user: ZPublicUser }) },
    errors: ["BAD_JSON", "VALIDATION_FAILED", "FORBIDDEN", "CONFLICT", "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "INVALID_TOKEN"],
    handle: async ({ req, body, services }) => {
      const pending = parse(req.headers.get("cookie") ?? "")[PENDING_SIGNUP_COOKIE];
      const { user, session } = await services.identity.completeSignup(pending, body.username, req.headers.get("user-agent") ?? "");
      return reply(201, { user }, { "set-cookie": await sessionSetCookie(session) });
    },
  }),
] as const;
