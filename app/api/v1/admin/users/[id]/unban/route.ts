import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZUnban } from "@/server/moderation/moderation.schema";

export const POST = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZUnban, { optional: true });
  return json({ user: await services.moderation.members.unban(viewer, params.id, input.reason) });
});
