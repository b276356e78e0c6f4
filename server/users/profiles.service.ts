import type { Viewer } from "../dto";
import { notFound } from "../errors";
import type { PostsService } from "../posts/posts.service";
import type { CommentsService } from "../comments/comments.service";
import type { UsersRepository } from "./users.repository";

/** A member's public page: who they are, their recent posts and comments. */
export function createProfilesService(deps: { users: UsersRepository; posts: PostsService; comments: CommentsService }) {
  return {
    async get(username: string, viewer: Viewer | null) {
      const user = await deps.users.findPublicByUsername(username);
      if (!user) throw notFound("user");
      const [posts, comments] = await Promise.all([deps.posts.byAuthor(user.id, viewer, 20), deps.comments.listByAuthor(user.id, 20)]);
      return { user, posts: posts.items, comments };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
