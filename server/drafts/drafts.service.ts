import type { Draft, Viewer } from "../dto";
import { notFound, unauthenticated, validation } from "../errors";
import { LIMITS } from "../posts/posts.schema";
import type { PostsService } from "../posts/posts.service";
import type { DraftsRepository } from "./drafts.repository";
import { DRAFT_KEY, MAX_DRAFTS, type TSaveDraft } from "./drafts.schema";

/**
 * What a member was writing and has not sent: one draft per composer (`new-post`, or
 * `post:<id>` for a post's comment box), restored on reload and on another device. Creating
 * the post or comment deletes its draft in the same transaction (posts and comments repositories).
 */
export function createDraftsService({ repo, posts }: { repo: DraftsRepository; posts: PostsService }) {
  /** The member and the key, after checking a `post:<id>` key names a post they may see (else 404). */
  async function owner(viewer: Viewer | null, raw: string): Promise<{ userId: string; key: string }> {
    if (!viewer) throw unauthenticated();
    if (!DRAFT_KEY.test(raw)) throw validation([{ field: "key", message: "must be new-post or post:<id>" }]);
    const key = raw.toLowerCase();
    if (key.startsWith("post:")) await posts.assertVisible(key.slice("post:".length), viewer);
    return { userId: viewer.id, key };
  }

  return {
    async get(viewer: Viewer | null, raw: string): Promise<Draft> {
      const { userId, key } = await owner(viewer, raw);
      const draft = await repo.find(userId, key);
      if (!draft) throw notFound("draft");
      return draft;
    },
    async save(viewer: Viewer | null, raw: string, input: TSaveDraft): Promise<void> {
      const { userId, key } = await owner(viewer, raw);
      // A comment draft holds a comment: the same limit as the comment it becomes.
      if (key.startsWith("post:") && input.body.length > LIMITS.comment)
        throw validation([{ field: "body", message: `must be at most ${LIMITS.comment} characters` }]);
      await repo.save(userId, key, { title: input.title ?? null, body: input.body }, MAX_DRAFTS);
    },
    async remove(viewer: Viewer | null, raw: string): Promise<void> {
      const { userId, key } = await owner(viewer, raw);
      await repo.remove(userId, key);
    },
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
