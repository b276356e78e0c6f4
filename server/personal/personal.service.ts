import type { Notification, Post, Viewer } from "../dto";
import { meOf, type MyReactions, type PersonalLayer } from "./layer";
import type { PersonalRepository } from "./personal.repository";

interface Deps {
  repo: PersonalRepository;
  /** The shared (public) post, as every member who is not staff sees it. */
  posts: { get(id: string, viewer: null): Promise<Post> };
  notifications: { list(viewer: Viewer): Promise<{ notifications: Notification[]; unread: number }> };
}

const NONE: MyReactions = { post: null, comments: {} };

export function createPersonalService({ repo, posts, notifications }: Deps) {
  return {
    /** A member's reactions in a post (the post page renders them). */
    reactionsInPost: async (viewer: Viewer, postId: string): Promise<MyReactions> => (await repo.postState(viewer.id, postId))?.mine ?? NONE,

    /**
     * A member's layer over a post page, for members who are not staff (who see what guests
     * see, plus this); NOT_FOUND when the post is not there for them.
     */
    async postPage(viewer: Viewer, postId: string): Promise<PersonalLayer> {
      const [post, state, inbox] = await Promise.all([posts.get(postId, null), repo.postState(viewer.id, postId), notifications.list(viewer)]);
      const readSeq = state?.readSeq ?? null;
      return {
        me: meOf(viewer),
        emailVerified: viewer.emailVerified,
        notifications: { notifications: inbox.notifications, unread: inbox.unread },
        post: {
          id: post.id,
          readSeq,
          unreadCount: readSeq === null ? 0 : Math.max(0, post.lastSeq - readSeq),
          watchLevel: state?.watchLevel ?? "normal",
          mine: state?.mine ?? NONE,
        },
      };
    },
  };
}

export type PersonalService = ReturnType<typeof createPersonalService>;
