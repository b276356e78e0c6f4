import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";

export const GET = route<{ username: string }>(async ({ params, services, viewer }) =>
  json(await services.profiles.get(params.username, viewer)),
);
