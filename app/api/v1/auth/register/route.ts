import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZRegisterInput } from "@/server/users/users.schema";

export const POST = route(async ({ body, services, ip }) => {
  await services.limits.consume("register", `ip:${ip}`);
  const user = await services.users.register(await body(ZRegisterInput));
  return json({ user }, 201);
});
