import type { Notification, Post, Viewer } from "../dto";
import { meOf, type MyReactions, type PersonalLayer } from "./layer";

interface Deps {
  posts: { get(id: string, viewer: Viewer | null): Promise<Post> };
  reactions: { mineInPost(userId: string, postId: string): Promise<MyReactions> };
  notifications: { list(viewer: Viewer): Promise<{ notifications: Notification[]; unread: number }> };
}

export function createPersonalService({ posts, reactions, notifications }: Deps) {
  return {
    /** A member's reactions in a post (the post page renders them). */
    reactionsInPost: (viewer: Viewer, postId: string) => reactions.mineInPost(viewer.id, postId),

    /** A member's layer over a post page; NOT_FOUND when the post is not there for them. */
    async postPage(viewer: Viewer, postId: string): Promise<PersonalLayer> {
      const [post, mine, inbox] = await Promise.all([
        posts.get(postId, viewer),
        reactions.mineInPost(viewer.id, postId),
        notifications.list(viewer),
      ]);
      return {
        me: meOf(viewer),
        emailVerified: viewer.emailVerified,
        notifications: { notifications: inbox.notifications, unread: inbox.unread },
        post: {
          id: post.id,
          readSeq: post.readSeq ?? null,
          unreadCount: post.unreadCount ?? 0,
          watchLevel: post.watchLevel ?? "normal",
          mine,
        },
      };
    },
  };
}

export type PersonalService = ReturnType<typeof createPersonalService>;
