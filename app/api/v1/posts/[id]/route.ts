import { route } from "@/server/http/route";
import { json, noContent } from "@/server/http/respond";
import { ZUpdatePost } from "@/server/posts/posts.schema";

type P = { id: string };

export const GET = route<P>(async ({ params, services, viewer }) => json({ post: await services.posts.get(params.id, viewer) }));

export const PATCH = route<P>(async ({ params, body, services, viewer, limit }) => {
  const input = await body(ZUpdatePost);
  if (viewer) await limit("write");
  return json({ post: await services.posts.update(viewer, params.id, input) });
});

export const DELETE = route<P>(async ({ params, services, viewer, limit }) => {
  if (viewer) await limit("write");
  await services.posts.remove(viewer, params.id);
  return noContent();
});
