import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";

export const GET = route(async ({ services }) => {
  const { count, users, guests } = await services.presence.snapshot();
  return json({ count, users, guests });
});
