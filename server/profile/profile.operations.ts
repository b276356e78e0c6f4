import { z } from "zod";
import { ZMe } from "../shapes";
import { defineOperation, DELETE_ERRORS, WRITE_ERRORS } from "../http/operation";
import { ZUpdateMeInput } from "./profile.schema";
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from "./avatar-image";

const Me = z.strictObject({ user: ZMe });
/** A stored avatar never changes under its URL (the URL is its hash). */
const IMMUTABLE = "public, max-age=31536000, immutable";

export const profileOperations = [
  defineOperation({
    name: "updateMe",
    method: "PATCH",
    path: "/api/v1/me",
    summary: "Change your bio (plain text, at most 500 characters) and interface language (`en`, `zh-CN`; null: follow the browser)",
    auth: "member",
    body: ZUpdateMeInput,
    limit: "write",
    ok: { 200: Me },
    errors: WRITE_ERRORS,
    handle: async ({ body, services, viewer }) => ({ user: await services.profile.update(viewer, body) }),
  }),
  defineOperation({
    name: "setAvatar",
    method: "PUT",
    path: "/api/v1/me/avatar",
    summary: "Upload an avatar: re-encoded to a square 256 px WebP without metadata (an animation keeps its first frame)",
    auth: "member",
    raw: {
      types: AVATAR_TYPES,
      maxBytes: AVATAR_MAX_BYTES,
      description: "The image's bytes; anything that does not decode as the four formats, or decodes to over 40 megapixels, is 400.",
    },
    limit: "write",
    ok: { 200: Me },
    errors: WRITE_ERRORS,
    handle: async ({ raw, services, viewer }) => ({ user: await services.profile.setAvatar(viewer, raw!) }),
  }),
  defineOperation({
    name: "deleteAvatar",
    method: "DELETE",
    path: "/api/v1/me/avatar",
    summary: "Remove your avatar (initials are shown instead)",
    auth: "member",
    limit: "write",
    ok: { 204: null },
    errors: DELETE_ERRORS.filter((c) => c !== "NOT_FOUND"),
    handle: async ({ services, viewer }) => services.profile.removeAvatar(viewer),
  }),
  defineOperation({
    name: "getAvatar",
    method: "GET",
    path: "/api/v1/avatars/{file}",
    summary: "An avatar by its content hash (`<sha256>.webp`, as in every user's `avatarUrl`), cached for a year",
    session: false,
    unmetered: true,
    binary: { type: "image/webp", description: "The 256 px WebP; `Cache-Control: public, max-age=31536000, immutable`" },
    ok: { 200: null },
    errors: ["NOT_FOUND"],
    async handle({ params, req, services }) {
      const { data, etag } = await services.profile.avatar(params.file);
      const headers = { "content-type": "image/webp", "cache-control": IMMUTABLE, etag };
      if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
      return new Response(new Uint8Array(data), { status: 200, headers: { ...headers, "content-length": String(data.length) } });
    },
  }),
] as const;
