import { route } from "@/server/http/route";
import { json, noContent } from "@/server/http/respond";
import { ZUpdateComment } from "@/server/comments/comments.schema";

type P = { id: string };

export const GET = route<P>(async ({ params, services, viewer }) => json({ comment: await services.comments.get(params.id, viewer) }));

export const PATCH = route<P>(async ({ params, body, services, viewer, limit }) => {
  const input = await body(ZUpdateComment);
  if (viewer) await limit("write");
  return json({ comment: await services.comments.update(viewer, params.id, input) });
});

export const DELETE = route<P>(async ({ params, services, viewer, limit }) => {
  if (viewer) await limit("write");
  await services.comments.remove(viewer, params.id);
  return noContent();
});
