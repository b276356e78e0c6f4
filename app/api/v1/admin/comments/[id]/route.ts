import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCommentModeration } from "@/server/moderation/moderation.schema";

export const PATCH = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZCommentModeration);
  return json({ comment: await services.moderation.content.moderateComment(viewer, params.id, input) });
});
