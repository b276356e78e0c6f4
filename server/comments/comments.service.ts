import { isStaff, type Comment, type Viewer } from "../dto";
import { conflict, forbidden, notFound, validation } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { requireContributor, requireOwnerOrStaff } from "../auth/guards";
import { excerpt, mentions, renderMarkdown } from "../markdown/render";
import type { Publisher } from "../realtime/publisher";
import type { PostsRepository } from "../posts/posts.repository";
import type { PostsService } from "../posts/posts.service";
import { viewFor, type Presenters } from "../presenters";
import { isUuid } from "../ids";
import type { UsersRepository } from "../users/users.repository";
import type { CommentRow, CommentsRepository } from "./comments.repository";
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

  /** The members @mentioned in a body: their ids (to notify) and names (to link). */
  async function mentioned(body: string) {
    const found = await users.findIdsByUsernames(mentions(body));
    return { ids: found.map((u) => u.id), names: found.map((u) => u.username) };
  }

  /** The comment a reply answers: a visible comment of the same post, else 400. */
  async function replyTarget(postId: string, replyToId: string | undefined, viewer: Viewer): Promise<CommentRow["replyTo"]> {
    if (!replyToId) return null;
    const target = isUuid(replyToId) ? await repo.findById(replyToId) : null;
    if (!target || target.postId !== postId || target.deletedAt || (target.hidden && !isStaff(viewer)))
      throw validation([{ field: "replyToId", message: "is not a comment of this post" }]);
    return { id: target.id, seq: target.seq, author: target.author };
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
      const [replyTo, named] = await Promise.all([replyTarget(postId, input.replyToId, author), mentioned(input.body)]);
      const summary = excerpt(input.body);
      let result;
      try {
        result = await repo.insert({
          postId,
          author: { id: author.id, username: author.username, avatarKey: author.avatarKey },
          body: input.body,
          bodyHtml: renderMarkdown(input.body, named.names),
          clientId: input.clientId,
          allowLocked: staff,
          replyTo,
          mentioned: named.ids,
          excerpt: summary,
          draftKey: `post:${postId}`,
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
      // One emit per recipient's room, after commit.
      for (const n of result.notified) {
        publisher.notify(
          n.userId,
          present.notification({
            id: n.id,
            kind: n.kind,
            actor: comment.author,
            post: { id: postId, title: post.title },
            comment: { id: comment.id, seq: comment.seq },
            excerpt: summary,
            createdAt: comment.createdAt,
          }),
        );
      }
      return { comment: viewFor(comment, staff), created: true };
    },

    async update(viewer: Viewer | null, id: string, input: TUpdateComment): Promise<Comment> {
      const row = await findVisible(id, viewer);
      const actor = requireOwnerOrStaff(viewer, row.author.id);
      const { names } = await mentioned(input.body);
      const data = { body: input.body, bodyHtml: renderMarkdown(input.body, names), editedAt: new Date() };
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
