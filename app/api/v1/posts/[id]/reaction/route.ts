import { reactionRoutes } from "@/server/reactions/reactions.routes";

export const { PUT, DELETE } = reactionRoutes("post");
