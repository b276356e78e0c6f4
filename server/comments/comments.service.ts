import { isStaff, type Comment, type Viewer } from "../dto";
import { conflict, forbidden, notFound, validation } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { requireContributor, requireOwnerOrStaff } from "../auth/guards";
import { excerptOfHtml, mentions, renderMarkdown } from "../markdown/render";
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
    if (!target || target.postId !== postId || target.deletedAt || (target.hidden && !isStaff(viewer))) {
      await posts.findVisible(postId, viewer); // a post that is not there is a 404 before a bad reply is a 400
      throw validation([{ field: "replyToId", message: "is not a comment of this post" }]);
    }
    return { id: target.id, seq: target.seq, author: target.author };
  }

  /**
   * Why repo.insert refused a comment, as the error to answer, or the comment itself when it
   * is a retried send (its clientId already used: idempotent, even on a post locked since).
   * Undefined when nothing refuses it any more.
   */
  async function refused(author: Viewer, postId: string, input: TCreateComment): Promise<CommentRow | undefined> {
    const same = input.clientId ? await repo.findByClientId(author.id, input.clientId) : null;
    if (same) return same;
    const post = await posts.findVisible(postId, author);
    if (post.locked && !isStaff(author)) throw forbidden("this post is locked: new comments are closed");
    if (await repo.findRecentDuplicate(author.id, postId, input.body, new Date(Date.now() - DUPLICATE_WINDOW_MS)))
      throw conflict("you posted this same comment here a moment ago", [{ field: "body", message: "is the same as your last comment here" }]);
    return undefined;
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

  /** After commit: the comment to its post's room, the post's activity to the lists, each notification to its member. */
  function announce(result: NonNullable<Awaited<ReturnType<CommentsRepository["insert"]>>>, summary: string): Comment {
    const comment = present.newComment(result.comment);
    const postId = comment.postId;
    publisher.commentCreated(comment);
    republishPost(postId);
    // One emit per recipient's room.
    for (const n of result.notified) {
      publisher.notify(
        n.userId,
        present.notification({
          id: n.id,
          kind: n.kind,
          actor: comment.author,
          post: { id: postId, title: result.postTitle },
          comment: { id: comment.id, seq: comment.seq },
          excerpt: summary,
          createdAt: comment.createdAt,
        }),
      );
    }
    return comment;
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

    /**
     * Creates a comment; the same clientId again from the same author returns the first one.
     * A new comment costs one statement (repo.insert checks the post and repeats under its row
     * lock); only a refused one reads more, to say why.
     */
    async create(viewer: Viewer | null, postId: string, input: TCreateComment): Promise<{ comment: Comment; created: boolean }> {
      const author = requireContributor(viewer, verification);
      const staff = isStaff(author);
      if (!isUuid(postId)) throw notFound("post");
      const [replyTo, named] = await Promise.all([replyTarget(postId, input.replyToId, author), mentioned(input.body)]);
      const bodyHtml = renderMarkdown(input.body, named.names);
      const summary = excerptOfHtml(bodyHtml);
      const insert = () =>
        repo.insert({
          postId,
          author: { id: author.id, username: author.username, avatarKey: author.avatarKey },
          body: input.body,
          bodyHtml,
          clientId: input.clientId,
          staff,
          duplicateSince: new Date(Date.now() - DUPLICATE_WINDOW_MS),
          replyTo,
          mentioned: named.ids,
          excerpt: summary,
          draftKey: `post:${postId}`,
        });
      const attempt = async () => {
        try {
          return await insert();
        } catch (err) {
          if (input.clientId && isUniqueViolation(err)) return null; // a retried send: refused() finds it
          throw err;
        }
      };
      // A refusal whose cause is gone by the time it is looked into (the post was unlocked in
      // between) is tried once more.
      for (let tries = 0; tries < 2; tries++) {
        const result = await attempt();
        if (result) return { comment: viewFor(announce(result, summary), staff), created: true };
        const earlier = await refused(author, postId, input);
        if (earlier) return { comment: await present.comment(earlier, staff), created: false };
      }
      throw conflict("the post changed while you were commenting: send it again");
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
