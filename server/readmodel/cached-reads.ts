import { isStaff, type Category, type Comment, type Page, type Post, type Viewer } from "../dto";
import type { Presenters } from "../presenters";
import type { PostsService } from "../posts/posts.service";
import type { CommentsService } from "../comments/comments.service";
import type { CategoriesService } from "../categories/categories.service";
import type { ReadModel } from "./read-model";
import { TAGS } from "./invalidation";

/** What a reader may see: staff also see hidden posts and comments. Part of every key. */
const visibility = (viewer: Viewer | null) => (isStaff(viewer) ? "staff" : "public");

interface Deps {
  posts: PostsService;
  comments: CommentsService;
  categories: CategoriesService;
  present: Presenters;
  readModel: ReadModel;
}

/**
 * The read paths every reader shares, served from the read model: a post, the first page of
 * its comments, the first page of the home feed (guests) and of a category (non-staff), and
 * the category overview. Each cached value has the JSON shape of its API answer, so the
 * router can send its pre-serialized body. What is personal (read position, watch level) is
 * layered on per viewer by `present.forViewer`, never stored. Only keys named here are
 * cached: the staff entry of a post is never the one a member reads.
 */
export function createCachedReads({ posts, comments, categories, present, readModel }: Deps) {
  const postBody = (id: string, viewer: Viewer | null) =>
    readModel.read(`post|${visibility(viewer)}|${id}`, [TAGS.post(id)], async () => ({
      post: await present.post(await posts.findVisible(id, viewer), isStaff(viewer)),
    }));

  async function commentsBody(postId: string, viewer: Viewer | null, after: number, limit: number): Promise<{ comments: Comment[] }> {
    if (after !== 0) return { comments: await comments.list(postId, viewer, after, limit) };
    return readModel.read(`comments|${visibility(viewer)}|${postId}|${limit}`, [TAGS.post(postId)], async () => ({
      comments: await comments.list(postId, viewer, 0, limit),
    }));
  }

  type Listing = { posts: Post[]; nextCursor: string | null };
  async function latestBody(viewer: Viewer | null, cursor?: string, limit = 20): Promise<Listing> {
    // A member's home feed leaves out the categories they muted: theirs alone.
    if (viewer || cursor) {
      const page = await posts.latest(viewer, cursor, limit);
      return { posts: page.items, nextCursor: page.nextCursor };
    }
    return readModel.read(`home|${limit}`, [TAGS.lists], async () => {
      const page = await posts.latest(null, undefined, limit);
      return { posts: page.items, nextCursor: page.nextCursor };
    });
  }

  async function categoryBody(slug: string, viewer: Viewer | null, cursor?: string, limit = 20): Promise<{ category: Category } & Listing> {
    const load = async (who: Viewer | null) => {
      const page = await posts.listByCategory(slug, who, cursor, limit);
      return { category: page.category, posts: page.items, nextCursor: page.nextCursor };
    };
    if (isStaff(viewer) || cursor) return load(viewer);
    const shared = await readModel.read(`category|${slug}|${limit}`, [TAGS.lists], () => load(null));
    return viewer ? { ...shared, posts: await present.forViewer(shared.posts, viewer.id) } : shared;
  }

  const overview = () => readModel.read("categories|stats", [TAGS.lists], async () => ({ categories: await categories.listWithStats() }));

  return {
    posts: {
      ...posts,
      /** `{post}` as the API answers it; a guest's is the shared, pre-serialized one. */
      async getBody(id: string, viewer: Viewer | null): Promise<{ post: Post }> {
        const shared = await postBody(id, viewer);
        return viewer ? { post: (await present.forViewer([shared.post], viewer.id))[0] } : shared;
      },
      get: async (id: string, viewer: Viewer | null): Promise<Post> => {
        const shared = (await postBody(id, viewer)).post;
        return viewer ? (await present.forViewer([shared], viewer.id))[0] : shared;
      },
      latestBody,
      latest: async (viewer: Viewer | null, cursor?: string, limit?: number): Promise<Page<Post>> => {
        const body = await latestBody(viewer, cursor, limit);
        return { items: body.posts, nextCursor: body.nextCursor };
      },
      categoryBody,
      listByCategory: async (slug: string, viewer: Viewer | null, cursor?: string, limit?: number) => {
        const body = await categoryBody(slug, viewer, cursor, limit);
        return { category: body.category, items: body.posts, nextCursor: body.nextCursor };
      },
    },
    comments: {
      ...comments,
      commentsBody,
      list: async (postId: string, viewer: Viewer | null, after: number, limit: number) =>
        (await commentsBody(postId, viewer, after, limit)).comments,
    },
    categories: {
      ...categories,
      listWithStats: async () => (await overview()).categories,
    },
  };
}
