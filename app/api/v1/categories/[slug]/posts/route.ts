import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZPostListQuery } from "@/server/posts/posts.schema";

export const GET = route<{ slug: string }>(async ({ params, query, services, viewer }) => {
  const q = query(ZPostListQuery);
  const page = await services.posts.listByCategory(params.slug, viewer, q.cursor, q.limit);
  return json({ category: page.category, posts: page.items, nextCursor: page.nextCursor });
});
