import type { ReactionCounts, ReactionKind, Viewer } from "../dto";
import { requireWriter } from "../auth/guards";
import type { Publisher } from "../realtime/publisher";
import type { PostsRepository } from "../posts/posts.repository";
import type { PostsService } from "../posts/posts.service";
import type { CommentsService } from "../comments/comments.service";
import type { ReactionsRepository } from "./reactions.repository";

export interface ReactionsDeps {
  repo: ReactionsRepository;
  postsRepo: PostsRepository;
  posts: PostsService;
  comments: CommentsService;
  publish: () => Publisher;
}

export interface ReactionState {
  reactions: ReactionCounts;
  mine: ReactionKind | null;
}

/** One reaction per member per post or comment; setting another kind replaces it. */
export function createReactionsService({ repo, postsRepo, posts, comments, publish }: ReactionsDeps) {
  async function apply(viewer: Viewer | null, type: "post" | "comment", id: string, kind: ReactionKind | null): Promise<ReactionState> {
    const user = requireWriter(viewer);
    const target = { targetType: type === "post" ? ("POST" as const) : ("COMMENT" as const), targetId: id };
    if (type === "post") await posts.findVisible(id, user);
    else await comments.findVisible(id, user);
    if (kind) await repo.set(user.id, target, kind);
    else await repo.clear(user.id, target);
    const reactions = (await postsRepo.reactionCounts(target.targetType, [id])).get(id) ?? {};
    // Reaction counts ride on the entity's own update event.
    if (type === "post") {
      const row = await posts.findVisible(id, user);
      publish().postUpdated(await posts.presentOne(row, true));
    } else {
      const c = await comments.findVisible(id, user);
      publish().commentUpdated({ ...(await comments.presentOne(c, true)), reactions });
    }
    return { reactions, mine: kind };
  }

  return {
    set: (viewer: Viewer | null, type: "post" | "comment", id: string, kind: ReactionKind) => apply(viewer, type, id, kind),
    clear: (viewer: Viewer | null, type: "post" | "comment", id: string) => apply(viewer, type, id, null),
    mine: repo.mine,
  };
}

export type ReactionsService = ReturnType<typeof createReactionsService>;
