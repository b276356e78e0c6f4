import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { unauthenticated } from "@/server/errors";

export const GET = route(async ({ viewer }) => {
  if (!viewer) throw unauthenticated();
  return json({ user: { id: viewer.id, username: viewer.username, role: viewer.role, ban: viewer.ban } });
});
