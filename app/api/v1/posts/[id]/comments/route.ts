import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCommentListQuery, ZCreateComment } from "@/server/comments/comments.schema";

type P = { id: string };

export const GET = route<P>(async ({ params, query, services, viewer }) => {
  const q = query(ZCommentListQuery);
  return json({ comments: await services.comments.list(params.id, viewer, q.after, q.limit) });
});

export const POST = route<P>(async ({ params, body, services, viewer, limit }) => {
  const input = await body(ZCreateComment);
  if (viewer) await limit("comment");
  const { comment, created } = await services.comments.create(viewer, params.id, input);
  return json({ comment }, created ? 201 : 200);
});
