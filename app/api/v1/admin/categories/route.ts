import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCategoryInput } from "@/server/categories/categories.schema";

export const POST = route(async ({ body, services, viewer }) => {
  const input = await body(ZCategoryInput);
  return json({ category: await services.moderation.createCategory(viewer, input) }, 201);
});
