import { isStaff, type Page, type Post, type Viewer } from "../dto";
import { AppError, notFound, unauthenticated } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { requireContributor, requireOwnerOrStaff } from "../auth/guards";
import { excerpt, mentions, renderMarkdown } from "../markdown/render";
import { isUuid } from "../ids";
import type { Publisher } from "../realtime/publisher";
import type { CategoriesRepository } from "../categories/categories.repository";
import type { UsersRepository } from "../users/users.repository";
import type { FollowRepository } from "../follow/follow.repository";
import type { Presenters } from "../presenters";
import { viewFor } from "../presenters";
import type { PostCursor, PostRow, PostsRepository } from "./posts.repository";
import type { TCreatePost, TUpdatePost } from "./posts.schema";

export interface PostsDeps {
  repo: PostsRepository;
  categories: CategoriesRepository;
  present: Presenters;
  publisher: Publisher;
  users: UsersRepository;
  follow: FollowRepository;
  /** Staff removing someone else's post: an audited moderation action. */
  staffDelete: (actor: Viewer, row: PostRow) => Promise<unknown>;
  /** Staff editing someone else's post: the write and its audit entry, in one transaction. */
  staffEdit: (actor: Viewer, row: PostRow, data: { title?: string; body?: string; bodyHtml?: string; editedAt: Date }) => Promise<PostRow>;
  /** EMAIL_VERIFICATION: "required" keeps unverified members from posting. */
  verification?: "required" | "optional";
}

function encodeCursor(row: PostRow): string {
  const c: PostCursor = { pinned: row.pinned, at: row.lastActivityAt.toISOString(), id: row.id };
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): PostCursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as PostCursor;
    if (typeof c.pinned === "boolean" && !Number.isNaN(Date.parse(c.at)) && isUuid(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new AppError("VALIDATION_FAILED", "cursor is not valid", [{ field: "cursor", message: "is not valid" }]);
}

export type PostFilter = "unread" | "new";

export function createPostsService({ repo, categories, present, publisher, users, follow, staffDelete, staffEdit, verification }: PostsDeps) {
  /** The members @mentioned in a body: ids to notify, names to link. */
  async function mentioned(body: string) {
    const found = await users.findIdsByUsernames(mentions(body));
    return { ids: found.map((u) => u.id), names: found.map((u) => u.username) };
  }

  /** A post this viewer may see, or NOT_FOUND (hidden posts are invisible to non-staff). */
  async function findVisible(id: string, viewer: Viewer | null): Promise<PostRow> {
    const row = isUuid(id) ? await repo.findById(id) : null;
    if (!row || row.deletedAt || (row.hidden && !isStaff(viewer))) throw notFound("post");
    return row;
  }

  async function list(
    opts: { categoryId?: string; authorId?: string; pinnedFirst: boolean; mutedFor?: string },
    viewer: Viewer | null,
    cursor?: string,
    limit = 20,
  ): Promise<Page<Post>> {
    const rows = await repo.list({ ...opts, staff: isStaff(viewer), cursor: decodeCursor(cursor), limit });
    return pageOf(rows, viewer, limit);
  }

  async function pageOf(rows: PostRow[], viewer: Viewer | null, limit: number): Promise<Page<Post>> {
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const items = await present.forViewer(await present.posts(page, isStaff(viewer)), viewer?.id);
    return { items, nextCursor: more ? encodeCursor(page[page.length - 1]) : null };
  }

  return {
    findVisible,

    /** Throws NOT_FOUND unless this viewer may see the post; reads two columns only. */
    async assertVisible(id: string, viewer: Viewer | null): Promise<void> {
      const row = isUuid(id) ? await repo.findVisibility(id) : null;
      if (!row || row.deletedAt || (row.hidden && !isStaff(viewer))) throw notFound("post");
    },

    async get(id: string, viewer: Viewer | null): Promise<Post> {
      const [post] = await present.forViewer([await present.post(await findVisible(id, viewer), isStaff(viewer))], viewer?.id);
      return post;
    },

    async listByCategory(slug: string, viewer: Viewer | null, cursor?: string, limit?: number) {
      const category = await categories.findBySlug(slug);
      if (!category) throw notFound("category");
      return { category, ...(await list({ categoryId: category.id, pinnedFirst: true }, viewer, cursor, limit)) };
    },

    /** The home feed; a signed-in member's muted categories are left out. */
    latest: (viewer: Viewer | null, cursor?: string, limit?: number) =>
      list({ pinnedFirst: false, mutedFor: viewer?.id }, viewer, cursor, limit),

    /** The member's "unread" or "new" posts (../shared/API.md, Finding and following). */
    async filtered(viewer: Viewer | null, filter: PostFilter, cursor?: string, limit = 20): Promise<Page<Post>> {
      if (!viewer) throw unauthenticated();
      const ids = await follow.filteredIds({ userId: viewer.id, filter, staff: isStaff(viewer), cursor: decodeCursor(cursor), limit });
      return pageOf(await repo.findManyByIds(ids), viewer, limit);
    },

    byAuthor: (authorId: string, viewer: Viewer | null, limit = 20) => list({ authorId, pinnedFirst: false }, viewer, undefined, limit),

    async createdSince(since: string, viewer: Viewer | null) {
      const at = new Date(since);
      if (Number.isNaN(at.getTime()))
        throw new AppError("VALIDATION_FAILED", "since is not a date", [{ field: "since", message: "must be an ISO date" }]);
      return present.posts(await repo.listCreatedSince(at, isStaff(viewer), 100), isStaff(viewer));
    },

    /** Creates a post; the same clientId again from the same author returns the first one. */
    async create(viewer: Viewer | null, input: TCreatePost): Promise<{ post: Post; created: boolean }> {
      const author = requireContributor(viewer, verification);
      if (input.clientId) {
        const existing = await repo.findByClientId(author.id, input.clientId);
        if (existing) return { post: await present.post(existing, isStaff(author)), created: false };
      }
      const category = await categories.findBySlug(input.categorySlug);
      if (!category)
        throw new AppError("VALIDATION_FAILED", "categorySlug does not name a category", [
          { field: "categorySlug", message: "does not name a category" },
        ]);
      const named = await mentioned(input.body);
      const summary = excerpt(input.body);
      let created;
      try {
        created = await repo.create(
          {
            categoryId: category.id,
            authorId: author.id,
            title: input.title,
            body: input.body,
            bodyHtml: renderMarkdown(input.body, named.names),
            clientId: input.clientId,
          },
          { mentioned: named.ids, excerpt: summary },
        );
      } catch (err) {
        const raced = input.clientId && isUniqueViolation(err) ? await repo.findByClientId(author.id, input.clientId) : null;
        if (raced) return { post: await present.post(raced, isStaff(author)), created: false };
        throw err;
      }
      const post = present.newPost(created.post);
      publisher.postCreated(post);
      for (const n of created.notified) {
        publisher.notify(
          n.userId,
          present.notification({
            id: n.id,
            kind: n.kind,
            actor: post.author,
            post: { id: post.id, title: post.title },
            comment: null,
            excerpt: summary,
            createdAt: post.createdAt,
          }),
        );
      }
      const [mine] = await present.forViewer([viewFor(post, isStaff(author))], author.id);
      return { post: mine, created: true };
    },

    async update(viewer: Viewer | null, id: string, input: TUpdatePost): Promise<Post> {
      const row = await findVisible(id, viewer);
      const actor = requireOwnerOrStaff(viewer, row.author.id);
      const data = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body, bodyHtml: renderMarkdown(input.body, (await mentioned(input.body)).names) }),
        editedAt: new Date(),
      };
      const updated = actor.id === row.author.id ? await repo.update(id, data) : await staffEdit(actor, row, data);
      const post = await present.post(updated, true);
      publisher.postUpdated(post);
      return viewFor(post, isStaff(viewer));
    },

    async remove(viewer: Viewer | null, id: string): Promise<void> {
      const row = await findVisible(id, viewer);
      const actor = requireOwnerOrStaff(viewer, row.author.id);
      if (actor.id !== row.author.id) return void (await staffDelete(actor, row));
      await repo.update(id, { deletedAt: new Date() });
      publisher.postDeleted({ id, categorySlug: row.category.slug });
    },
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
