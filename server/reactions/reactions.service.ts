import type { ReactionKind, ReactionState, Viewer } from "../dto";
import { requireContributor } from "../auth/guards";
import type { Publisher } from "../realtime/publisher";
import type { Presenters } from "../presenters";
import type { PostsService } from "../posts/posts.service";
import type { CommentsService } from "../comments/comments.service";
import type { ReactionsRepository } from "./reactions.repository";

export interface ReactionsDeps {
  repo: ReactionsRepository;
  posts: PostsService;
  comments: CommentsService;
  present: Presenters;
  publisher: Publisher;
  /** EMAIL_VERIFICATION: "required" keeps unverified members from reacting. */
  verification?: "required" | "optional";
}

/** One reaction per member per post or comment; setting another kind replaces it. */
export function createReactionsService({ repo, posts, comments, present, publisher, verification }: ReactionsDeps) {
  async function apply(viewer: Viewer | null, type: "post" | "comment", id: string, kind: ReactionKind | null): Promise<ReactionState> {
    const user = requireContributor(viewer, verification);
    const target = { targetType: type === "post" ? ("POST" as const) : ("COMMENT" as const), targetId: id };
    const write = () => (kind ? repo.set(user.id, target, kind) : repo.clear(user.id, target));
    // Read once: the visibility check now, the event's payload after the write. Reaction
    // counts ride on the entity's own update event.
    if (type === "post") {
      const row = await posts.findVisible(id, user);
      await write();
      const post = await present.post(row, true);
      publisher.postUpdated(post);
      return { reactions: post.reactions, mine: kind };
    }
    const row = await comments.findVisible(id, user);
    await write();
    const comment = await present.comment(row, true);
    publisher.commentUpdated(comment);
    return { reactions: comment.reactions, mine: kind };
  }

  return {
    set: (viewer: Viewer | null, type: "post" | "comment", id: string, kind: ReactionKind) => apply(viewer, type, id, kind),
    clear: (viewer: Viewer | null, type: "post" | "comment", id: string) => apply(viewer, type, id, null),
  };
}

export type ReactionsService = ReturnType<typeof createReactionsService>;
