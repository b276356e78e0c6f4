import { route } from "@/server/http/route";
import { json } from "@/server/http/respond";
import { openApiDocument } from "@/server/http/openapi";

/** The machine-readable contract, built from the same zod schemas the routes parse with. */
export const GET = route(async () => json(openApiDocument()));
