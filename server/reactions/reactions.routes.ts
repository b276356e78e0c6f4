import { route } from "../http/route";
import { json } from "../http/respond";
import { ZReactionInput } from "./reactions.schema";

/** PUT sets the viewer's reaction on a post or comment, DELETE removes it; both return the counts. */
export function reactionRoutes(type: "post" | "comment") {
  return {
    PUT: route<{ id: string }>(async ({ params, body, services, viewer, limit }) => {
      const { kind } = await body(ZReactionInput);
      if (viewer) await limit("write");
      return json(await services.reactions.set(viewer, type, params.id, kind));
    }),
    DELETE: route<{ id: string }>(async ({ params, services, viewer, limit }) => {
      if (viewer) await limit("write");
      return json(await services.reactions.clear(viewer, type, params.id));
    }),
  };
}
