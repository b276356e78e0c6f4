import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZUsersQuery } from "@/server/moderation/moderation.schema";

export const GET = route(async ({ query, services, viewer }) => json(await services.moderation.members.list(viewer, query(ZUsersQuery))));
