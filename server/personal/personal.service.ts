import type { Notification, Post, Viewer, WatchLevel } from "../dto";
import { meOf, type MemberPage, type MyReactions, type PersonalLayer, type ReadState } from "./layer";
import type { PersonalRepository } from "./personal.repository";

/** What the layers read besides their own statement: the shared (public) reads, as every member who is not staff sees them. */
interface Deps {
  repo: PersonalRepository;
  posts: {
    get(id: string, viewer: null): Promise<Post>;
    latest(viewer: null): Promise<{ items: Post[] }>;
    listByCategory(slug: string, viewer: null): Promise<{ items: Post[] }>;
  };
  present: { forViewer(list: Post[], viewerId: string): Promise<Post[]> };
  follow: { categoryLevel(viewer: Viewer, slug: string): Promise<WatchLevel> };
  notifications: { list(viewer: Viewer): Promise<{ notifications: Notification[]; unread: number }> };
}

const NONE: MyReactions = { post: null, comments: {} };

export function createPersonalService({ repo, posts, present, follow, notifications }: Deps) {
  /** Who the member is and their notifications: the part of every layer. */
  async function base(viewer: Viewer): Promise<PersonalLayer> {
    const inbox = await notifications.list(viewer);
    return {
      me: meOf(viewer),
      emailVerified: viewer.emailVerified,
      notifications: { notifications: inbox.notifications, unread: inbox.unread },
    };
  }

  /** Each listed post's read state for the member, by post id (one query for the page). */
  async function readStates(viewer: Viewer, list: Post[]): Promise<Record<string, ReadState>> {
    const mine = await present.forViewer(list, viewer.id);
    return Object.fromEntries(
      mine.map((p) => [p.id, { readSeq: p.readSeq ?? null, unreadCount: p.unreadCount ?? 0, watchLevel: p.watchLevel ?? "normal" }]),
    );
  }

  /**
   * A member's layer over a post page, for members who are not staff (who see what guests
   * see, plus this); NOT_FOUND when the post is not there for them.
   */
  async function postPage(viewer: Viewer, postId: string): Promise<PersonalLayer> {
    const [post, state, own] = await Promise.all([posts.get(postId, null), repo.postState(viewer.id, postId), base(viewer)]);
    const readSeq = state?.readSeq ?? null;
    return {
      ...own,
      post: {
        id: post.id,
        readSeq,
        unreadCount: readSeq === null ? 0 : Math.max(0, post.lastSeq - readSeq),
        watchLevel: state?.watchLevel ?? "normal",
        mine: state?.mine ?? NONE,
      },
    };
  }

  return {
    postPage,

    /**
     * The member's layer over the shared member render of `page`; null when that render is not
     * what they would see (a home feed without the categories they muted): render theirs.
     */
    async layer(viewer: Viewer, page: MemberPage): Promise<PersonalLayer | null> {
      if (page.kind === "post") return postPage(viewer, page.postId);
      if (page.kind === "home") {
        const [mutes, latest, own] = await Promise.all([repo.mutesACategory(viewer.id), posts.latest(null), base(viewer)]);
        return mutes ? null : { ...own, list: { posts: await readStates(viewer, latest.items) } };
      }
      const [listed, categoryLevel, own] = await Promise.all([
        posts.listByCategory(page.slug, null),
        follow.categoryLevel(viewer, page.slug),
        base(viewer),
      ]);
      return { ...own, list: { posts: await readStates(viewer, listed.items), categoryLevel } };
    },

    /** A member's reactions in a post (the post page renders them). */
    reactionsInPost: async (viewer: Viewer, postId: string): Promise<MyReactions> =>
      (await repo.postState(viewer.id, postId))?.mine ?? NONE,
  };
}

export type PersonalService = ReturnType<typeof createPersonalService>;
