import { z } from "zod";
import { ZMe, ZPost, ZProfileComment, ZPublicUser, ZUserRef } from "../shapes";
import { defineOperation } from "../http/operation";
import { ZRegisterInput, ZUserPrefixQuery } from "./users.schema";

export const usersOperations = [
  defineOperation({
    name: "register",
    method: "POST",
    path: "/api/v1/auth/register",
    summary: "Create an account and mail a verification link (ADMIN_EMAILS get ADMIN once verified)",
    body: ZRegisterInput,
    limit: { name: "register", by: "ip" },
    ok: { 201: z.strictObject({ user: ZPublicUser }) },
    errors: ["BAD_JSON", "VALIDATION_FAILED", "FORBIDDEN", "CONFLICT", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
    handle: async ({ body, services }) => ({ user: await services.accounts.register(body) }),
  }),
  defineOperation({
    name: "me",
    method: "GET",
    path: "/api/v1/me",
    summary: "The signed-in user",
    auth: "member",
    ok: { 200: z.strictObject({ user: ZMe }) },
    errors: ["UNAUTHENTICATED"],
    handle: async ({ services, viewer }) => ({ user: services.users.me(viewer) }),
  }),
  defineOperation({
    name: "findUsers",
    method: "GET",
    path: "/api/v1/users",
    summary: "Members whose username starts with `prefix` (any case, no wildcards): @mention autocomplete",
    query: ZUserPrefixQuery,
    ok: { 200: z.strictObject({ users: z.array(ZUserRef) }) },
    errors: ["VALIDATION_FAILED"],
    handle: async ({ query, services }) => ({ users: await services.users.byPrefix(query.prefix, query.limit) }),
  }),
  defineOperation({
    name: "getProfile",
    method: "GET",
    path: "/api/v1/users/{username}",
    summary: "A member's public profile",
    ok: {
      200: z.strictObject({
        user: ZPublicUser.extend({ bio: z.string() }),
        posts: z.array(ZPost),
        comments: z.array(ZProfileComment),
      }),
    },
    errors: ["NOT_FOUND"],
    handle: ({ params, services, viewer }) => services.profiles.get(params.username, viewer),
  }),
] as const;
