import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";

export const GET = route(async ({ services }) => json({ categories: await services.categories.list() }));
