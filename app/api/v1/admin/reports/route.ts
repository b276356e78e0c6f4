import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZReportQuery } from "@/server/moderation/moderation.schema";

export const GET = route(async ({ query, services, viewer }) => {
  const q = query(ZReportQuery);
  return json({ reports: await services.moderation.reports.list(viewer, q.status, q.limit) });
});
