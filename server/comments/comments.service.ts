import { isStaff, type Comment, type Notification, type Viewer } from "../dto";
import { conflict, forbidden, notFound } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { requireContributor, requireOwnerOrStaff } from "../auth/guards";
import { excerpt, mentions, renderMarkdown } from "../markdown/render";
import type { Publisher } from "../realtime/publisher";
import type { PostsRepository } from "../posts/posts.repository";
import type { PostsService } from "../posts/posts.service";
import { viewFor, type Presenters } from "../presenters";
import { isUuid } from "../ids";
import type { UsersRepository } from "../users/users.repository";
import type { CommentRow, CommentsRepository, NewNotification } from "./comments.repository";
import type { TCreateComment, TUpdateComment } from "./comments.schema";

const ACTIVITY_COALESCE_MS = 250;
/** The same comment again from the same member on the same post within this window is refused. */
const DUPLICATE_WINDOW_MS = 5 * 60_000;

export interface CommentsDeps {
  repo: CommentsRepository;
  posts: PostsService;
  postsRepo: PostsRepository;
  users: UsersRepository;
  present: Presenters;
  publisher: Publisher;
  /** Staff removing someone else's comment: an audited moderation action. */
  staffDelete: (actor: Viewer, row: CommentRow) => Promise<unknown>;
  /** Staff editing someone else's comment: the write and its audit entry, in one transaction. */
  staffEdit: (actor: Viewer, row: CommentRow, data: { body: string; bodyHtml: string; editedAt: Date }) => Promise<CommentRow>;
  /** EMAIL_VERIFICATION: "required" keeps unverified members from commenting. */
  verification?: "required" | "optional";
}

export function createCommentsService({ repo, posts, postsRepo, users, present, publisher, staffDelete, staffEdit, verification }: CommentsDeps) {
  /** A comment this viewer may see (on a post they may see), or NOT_FOUND. */
  async function findVisible(id: string, viewer: Viewer | null): Promise<CommentRow> {
    const row = isUuid(id) ? await repo.findById(id) : null;
    if (!row || row.deletedAt || (row.hidden && !isStaff(viewer))) throw notFound("comment");
    await posts.findVisible(row.postId, viewer);
    return row;
  }

  /** Who hears about a new comment: the post's author (a reply) and anyone @mentioned. */
  async function recipients(postAuthorId: string, body: string): Promise<NewNotification[]> {
    const text = excerpt(body);
    const out: NewNotification[] = [{ userId: postAuthorId, kind: "REPLY", excerpt: text }];
    for (const u of await users.findIdsByUsernames(mentions(body))) {
      if (u.id !== postAuthorId) out.push({ userId: u.id, kind: "MENTION", excerpt: text });
    }
    return out;
  }

  /**
   * Post lists show comment counts and last activity. After commit, refresh the post for the
   * list rooms, coalesced per post: a burst of comments costs one read and one emit.
   */
  const dirtyPosts = new Map<string, NodeJS.Timeout>();
  function republishPost(postId: string) {
    if (dirtyPosts.has(postId)) return;
    const timer = setTimeout(() => {
      dirtyPosts.delete(postId);
      void postsRepo
        .findById(postId)
        .then(async (row) => row && !row.deletedAt && publisher.postActivity(await present.post(row, true)))
        .catch(() => {});
    }, ACTIVITY_COALESCE_MS);
    timer.unref();
    dirtyPosts.set(postId, timer);
  }

  return {
    findVisible,
    async get(id: string, viewer: Viewer | null): Promise<Comment> {
      return present.comment(await findVisible(id, viewer), isStaff(viewer));
    },

    async list(postId: string, viewer: Viewer | null, after: number, limit: number): Promise<Comment[]> {
      await posts.findVisible(postId, viewer);
      return present.comments(await repo.listAfter(postId, after, limit, isStaff(viewer)), isStaff(viewer));
    },

    listByAuthor: async (authorId: string, limit = 20) => {
      const rows = await repo.listByAuthor(authorId, limit);
      const comments = await present.comments(rows, false);
      return comments.map((c, i) => ({ ...c, postTitle: rows[i].post.title }));
    },

    /** Creates a comment; the same clientId again from the same author returns the first one. */
    async create(viewer: Viewer | null, postId: string, input: TCreateComment): Promise<{ comment: Comment; created: boolean }> {
      const author = requireContributor(viewer, verification);
      const staff = isStaff(author);
      if (input.clientId) {
        const existing = await repo.findByClientId(author.id, input.clientId);
        if (existing) return { comment: await present.comment(existing, staff), created: false };
      }
      const post = await posts.findVisible(postId, author);
      if (post.locked && !staff) throw forbidden("this post is locked: new comments are closed");
      // A retried send carries its clientId (answered above); a new one with the same words is a repeat.
      if (await repo.findRecentDuplicate(author.id, postId, input.body, new Date(Date.now() - DUPLICATE_WINDOW_MS))) {
        // The "duplicate" may be this very comment, sent again while the first send committed.
        const same = input.clientId ? await repo.findByClientId(author.id, input.clientId) : null;
        if (same) return { comment: await present.comment(same, staff), created: false };
        throw conflict("you posted this same comment here a moment ago", [
          { field: "body", message: "is the same as your last comment here" },
        ]);
      }
      let result;
      try {
        result = await repo.insert({
          postId,
          author: { id: author.id, username: author.username },
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          clientId: input.clientId,
          allowLocked: staff,
          notifications: await recipients(post.author.id, input.body),
        });
      } catch (err) {
        const raced = input.clientId && isUniqueViolation(err) ? await repo.findByClientId(author.id, input.clientId) : null;
        if (raced) return { comment: await present.comment(raced, staff), created: false };
        throw err;
      }
      // Locked (non-staff) or deleted between our read and the row lock.
      if (!result) throw staff ? notFound("post") : forbidden("this post is locked: new comments are closed");
      const comment = present.newComment(result.comment);
      publisher.commentCreated(comment);
      republishPost(postId);
      for (const n of result.notifications) {
        const notification: Notification = {
          id: n.id,
          kind: n.kind,
          actor: { id: author.id, username: author.username },
          postId,
          postTitle: post.title,
          commentId: comment.id,
          excerpt: n.excerpt,
          createdAt: n.createdAt.toISOString(),
          readAt: null,
        };
        publisher.notify(n.userId, notification);
      }
      return { comment: viewFor(comment, staff), created: true };
    },

    async update(viewer: Viewer | null, id: string, input: TUpdateComment): Promise<Comment> {
      const row = await findVisible(id, viewer);
      const actor = requireOwnerOrStaff(viewer, row.author.id);
      const data = { body: input.body, bodyHtml: renderMarkdown(input.body), editedAt: new Date() };
      const updated = actor.id === row.author.id ? await repo.update(id, data) : await staffEdit(actor, row, data);
      const comment = await present.comment(updated, true);
      publisher.commentUpdated(comment);
      return viewFor(comment, isStaff(viewer));
    },

    async remove(viewer: Viewer | null, id: string): Promise<void> {
      const row = await findVisible(id, viewer);
      const actor = requireOwnerOrStaff(viewer, row.author.id);
      if (actor.id !== row.author.id) await staffDelete(actor, row);
      else {
        await repo.softDelete(id, row.postId);
        publisher.commentDeleted({ id, postId: row.postId });
      }
      republishPost(row.postId);
    },
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
