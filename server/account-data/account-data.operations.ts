import { defineOperation, DELETE_ERRORS, reply, WRITE_ERRORS } from "../http/operation";
import { ZAccountExport, ZDeleteAccountInput, ZEmailPreferences, ZEmailPreferencesInput } from "./account-data.schema";


export const accountDataOperations = [
  defineOperation({
    name: "exportMyData",
    method: "GET",
    path: "/api/v1/me/export",
    summary:
      "Everything Parley keeps that is the member's own (profile, posts, comments, reactions, notifications, sessions, watches, read positions, drafts, reports), as a JSON download; other members appear only as ids; no password hash or token",
    auth: "member",
    ok: { 200: ZAccountExport },
    errors: ["UNAUTHENTICATED"],
    handle: async ({ services, viewer }) => {
      const data = await services.accountData.export(viewer);
      const day = data.exportedAt.slice(0, 10);
      return reply(200, data, {
        "content-disposition": `attachment; filename="parley-${data.profile.username}-${day}.json"`,
        "cache-control": "no-store",
      });
    },
  }),
  defineOperation({
    name: "deleteMyAccount",
    method: "DELETE",
    path: "/api/v1/me",
    summary:
      "Delete the account (confirmed with its password): its posts and comments stay, authored by a deleted member ({id, username: \"\", deleted: true}); every session ends and its sockets close with session:ended {reason: \"deleted\"}; the email and username are free again. A wrong password is 400 with a `password` detail; the forum's only admin gets 403",
    auth: "member",
    body: ZDeleteAccountInput,
    limit: "write",
    ok: { 204: null },
    errors: WRITE_ERRORS,
    handle: async ({ body, services, viewer }) => services.accountData.deleteSelf(viewer, body),
  }),
  defineOperation({
    name: "deleteMemberAccount",
    method: "DELETE",
    path: "/api/v1/admin/users/{id}",
    summary: "Admin: delete a member's or moderator's account, as DELETE /me does; the audit log records who, whom and when (user.delete), never the content",
    auth: "admin",
    limit: "write",
    ok: { 204: null },
    errors: DELETE_ERRORS,
    handle: async ({ params, services, viewer }) => services.accountData.deleteByStaff(viewer, params.id),
  }),
  defineOperation({
    name: "getMailPreferences",
    method: "GET",
    path: "/api/v1/me/preferences",
    summary: "The member's mail preferences",
    auth: "member",
    ok: { 200: ZEmailPreferences },
    errors: ["UNAUTHENTICATED"],
    handle: async ({ services, viewer }) => services.accountData.preferences(viewer),
  }),
  defineOperation({
    name: "setMailPreferences",
    method: "PATCH",
    path: "/api/v1/me/preferences",
    summary: "Turn mail about unseen notifications on or off",
    auth: "member",
    body: ZEmailPreferencesInput,
    limit: "write",
    ok: { 200: ZEmailPreferences },
    errors: WRITE_ERRORS,
    handle: async ({ body, services, viewer }) => services.accountData.setPreferences(viewer, body),
  }),
  defineOperation({
    name: "unsubscribeState",
    method: "GET",
    path: "/api/v1/unsubscribe/{token}",
    summary: "Whether the member of a notification mail's unsubscribe token still gets notification mail (changes nothing); a forged token is 400 INVALID_TOKEN",
    ok: { 200: ZEmailPreferences },
    errors: ["INVALID_TOKEN"],
    handle: async ({ params, services }) => services.accountData.unsubscribeState(params.token),
  }),
  defineOperation({
    name: "unsubscribe",
    method: "POST",
    path: "/api/v1/unsubscribe/{token}",
    summary:
      "One-click unsubscribe (RFC 8058: the List-Unsubscribe URL of every notification mail, POSTed with `List-Unsubscribe=One-Click`): turns notification mail off, no sign-in and from any origin; the signed token is the credential. A forged token is 400 INVALID_TOKEN",
    crossSite: true,
    limit: { name: "write", by: "ip" },
    ok: { 204: null },
    errors: ["INVALID_TOKEN", "RATE_LIMITED"],
    handle: async ({ params, services }) => services.accountData.unsubscribe(params.token),
  }),
] as const;
