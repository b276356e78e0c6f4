import type { Viewer, WatchLevel } from "../dto";
import { notFound, unauthenticated } from "../errors";
import type { CategoriesRepository } from "../categories/categories.repository";
import type { PostsService } from "../posts/posts.service";
import type { FollowRepository } from "./follow.repository";

export interface FollowDeps {
  repo: FollowRepository;
  posts: PostsService;
  categories: CategoriesRepository;
}

/** Read positions and watch levels: what a member has read, and what they follow or mute. */
export function createFollowService({ repo, posts, categories }: FollowDeps) {
  const signedIn = (viewer: Viewer | null) => {
    if (!viewer) throw unauthenticated();
    return viewer;
  };
  async function category(slug: string) {
    const found = await categories.findBySlug(slug);
    if (!found) throw notFound("category");
    return found;
  }

  return {
    /** Forward only, clamped to the post's last seq; 404 for a post the member cannot see. */
    async markRead(viewer: Viewer | null, postId: string, seq: number): Promise<void> {
      const v = signedIn(viewer);
      await posts.assertVisible(postId, v);
      await repo.markRead(v.id, postId, seq);
    },

    async watchPost(viewer: Viewer | null, postId: string, level: WatchLevel) {
      const v = signedIn(viewer);
      await posts.assertVisible(postId, v);
      await repo.setPostLevel(v.id, postId, level);
      return { level };
    },

    async watchCategory(viewer: Viewer | null, slug: string, level: WatchLevel) {
      const v = signedIn(viewer);
      await repo.setCategoryLevel(v.id, (await category(slug)).id, level);
      return { level };
    },

    /** The member's level on a category ("normal" when never set). */
    async categoryLevel(viewer: Viewer | null, slug: string): Promise<WatchLevel> {
      return repo.categoryLevel(signedIn(viewer).id, (await category(slug)).id);
    },
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
