import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZAuditQuery } from "@/server/moderation/moderation.schema";

export const GET = route(async ({ query, services, viewer }) =>
  json({ entries: await services.moderation.audit(viewer, query(ZAuditQuery)) }),
);
