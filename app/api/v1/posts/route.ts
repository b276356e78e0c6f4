import { z } from "zod";
import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCreatePost, ZPostListQuery } from "@/server/posts/posts.schema";

const ZLatest = ZPostListQuery.extend({ since: z.string().max(40).optional() });

/** Latest posts across the forum; `since` returns posts created after a time (catch-up). */
export const GET = route(async ({ query, services, viewer }) => {
  const q = query(ZLatest);
  if (q.since) return json({ posts: await services.posts.createdSince(q.since, viewer), nextCursor: null });
  const page = await services.posts.latest(viewer, q.cursor, q.limit);
  return json({ posts: page.items, nextCursor: page.nextCursor });
});

export const POST = route(async ({ body, services, viewer, limit }) => {
  const input = await body(ZCreatePost);
  if (viewer) await limit("post");
  const { post, created } = await services.posts.create(viewer, input);
  return json({ post }, created ? 201 : 200);
});
