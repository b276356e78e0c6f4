import type { Presenters } from "../presenters";
import type { PostsRepository } from "../posts/posts.repository";
import type { CommentFeed } from "../realtime/ordering";
import type { CommentsRepository } from "./comments.repository";

/**
 * The realtime layer's read-only door to committed comments (server/realtime/ordering.ts):
 * a post's last seq, and a range of comments as staff see them (the broadcaster derives the
 * public variant). Built by the composition root from the repositories, before the services.
 */
export function createCommentFeed(deps: { comments: CommentsRepository; posts: PostsRepository; present: Presenters }): CommentFeed {
  return {
    async lastSeqs(postIds) {
      const rows = postIds.length ? await deps.posts.lastSeqs(postIds) : [];
      return new Map(rows.map((r) => [r.id, r.lastSeq]));
    },
    async fetchComments(postId, afterSeq, upToSeq) {
      const rows = await deps.comments.listRange(postId, afterSeq, upToSeq);
      return deps.present.comments(rows, true);
    },
  };
}
