import type { ReactionCounts, ReactionKind, Viewer } from "../dto";
import { requireWriter } from "../auth/guards";
import type { Publisher } from "../realtime/publisher";
import { toPost, type PostRow, type PostsRepository } from "../posts/posts.repository";
import { toComment, type CommentRow } from "../comments/comments.repository";
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
    // Read once: visibility check now, the event's payload after the write.
    const row = type === "post" ? await posts.findVisible(id, user) : await comments.findVisible(id, user);
    if (kind) await repo.set(user.id, target, kind);
    else await repo.clear(user.id, target);
    const reactions = (await postsRepo.reactionCounts(target.targetType, [id])).get(id) ?? {};
    // Reaction counts ride on the entity's own update event.
    if (type === "post") publish().postUpdated(toPost(row as PostRow, reactions, true));
    else publish().commentUpdated(toComment(row as CommentRow, reactions, true));
    return { reactions, mine: kind };
  }

  return {
    set: (viewer: Viewer | null, type: "post" | "comment", id: string, kind: ReactionKind) => apply(viewer, type, id, kind),
    clear: (viewer: Viewer | null, type: "post" | "comment", id: string) => apply(viewer, type, id, null),
    mine: repo.mine,
  };
}

export type ReactionsService = ReturnType<typeof createReactionsService>;
