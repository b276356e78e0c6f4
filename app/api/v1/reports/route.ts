import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCreateReport } from "@/server/reports/reports.schema";

export const POST = route(async ({ body, services, viewer, limit }) => {
  const input = await body(ZCreateReport);
  if (viewer) await limit("report");
  const { report, created } = await services.reports.create(viewer, input);
  return json({ report }, created ? 201 : 200);
});
