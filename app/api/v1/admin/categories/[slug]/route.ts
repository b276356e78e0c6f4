import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { ZCategoryUpdate } from "@/server/categories/categories.schema";

export const PATCH = route<{ slug: string }>(async ({ params, body, services, viewer }) => {
  const input = await body(ZCategoryUpdate);
  return json({ category: await services.moderation.updateCategory(viewer, params.slug, input) });
});
