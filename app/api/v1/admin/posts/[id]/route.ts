import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZPostModeration } from "@/server/moderation/moderation.schema";

/** Lock, pin, hide or move a post. */
export const PATCH = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZPostModeration);
  return json({ post: await services.moderation.content.moderatePost(viewer, params.id, input) });
});
