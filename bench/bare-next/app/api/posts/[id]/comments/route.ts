import { comments } from "../../../../../lib/db";

export const dynamic = "force-dynamic";

/** The post's 20 comments as JSON, the same shape as Parley's GET /api/v1/posts/:id/comments. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return Response.json({ comments: await comments(id) });
}
