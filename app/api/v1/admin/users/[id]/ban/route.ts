import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZBan } from "@/server/moderation/moderation.schema";

export const POST = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZBan);
  return json({ user: await services.moderation.members.ban(viewer, params.id, input) });
});
