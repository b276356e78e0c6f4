import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZResolve } from "@/server/moderation/moderation.schema";

export const POST = route<{ id: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZResolve);
  return json({ report: await services.moderation.reports.resolve(viewer, params.id, input) });
});
