import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZRoleChange } from "@/server/moderation/moderation.schema";

/** Admins promote and demote: `{role}`. */
export const PATCH = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZRoleChange);
  return json({ user: await services.moderation.members.setRole(viewer, params.id, input) });
});
