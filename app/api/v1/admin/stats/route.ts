import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";

export const GET = route(async ({ services, viewer }) => json({ stats: await services.moderation.stats(viewer) }));
