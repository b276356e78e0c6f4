import { AppError, conflict, notFound } from "../errors";
import { requireStaff } from "../auth/guards";
import type { Post, Viewer } from "../dto";
import type { Tx } from "../db/client";
import type { Publisher } from "../realtime/publisher";
import type { CategoriesRepository } from "../categories/categories.repository";
import type { PostRow, PostsRepository } from "../posts/posts.repository";
import type { CommentRow, CommentsRepository } from "../comments/comments.repository";
import type { Presenters } from "../presenters";
import { isUuid } from "../ids";
import type { AuditEntry, AuditRepository } from "./audit.repository";
import type { ModerationRepository } from "./moderation.repository";
import type { TCommentModeration, TPostModeration } from "./moderation.schema";

export interface ContentModerationDeps {
  repo: ModerationRepository;
  audit: AuditRepository;
  posts: PostsRepository;
  comments: CommentsRepository;
  categories: CategoriesRepository;
  present: Presenters;
  publisher: Publisher;
}

type DeleteTarget = { kind: "post"; row: PostRow } | { kind: "comment"; row: CommentRow };

const FLAG_ACTIONS = {
  locked: ["post.lock", "post.unlock"],
  pinned: ["post.pin", "post.unpin"],
  hidden: ["post.hide", "post.unhide"],
} as const;

/**
 * Staff actions on posts and comments. Each change and its audit entry share one
 * transaction; live events go out after commit, so open pages update within a second.
 */
export function createContentModeration({ repo, audit, posts, comments, categories, present, publisher }: ContentModerationDeps) {
  async function loadPost(id: string): Promise<PostRow> {
    const row = isUuid(id) ? await posts.findById(id) : null;
    if (!row || row.deletedAt) throw notFound("post");
    return row;
  }
  async function loadComment(id: string): Promise<CommentRow> {
    const row = isUuid(id) ? await comments.findById(id) : null;
    if (!row || row.deletedAt) throw notFound("comment");
    return row;
  }
  const entry = (actor: Viewer, e: Omit<AuditEntry, "actorId">): AuditEntry => ({ actorId: actor.id, ...e });

  /** The data and audit entries for a post change; nothing when nothing changes. */
  async function planPost(actor: Viewer, row: PostRow, input: TPostModeration) {
    const data: { locked?: boolean; pinned?: boolean; hidden?: boolean; categoryId?: string } = {};
    const entries: AuditEntry[] = [];
    const base = { targetType: "post" as const, targetId: row.id, targetUserId: row.author.id, reason: input.reason };
    for (const field of ["locked", "pinned", "hidden"] as const) {
      const next = input[field];
      if (next === undefined || next === row[field]) continue;
      data[field] = next;
      entries.push(
        entry(actor, { ...base, action: FLAG_ACTIONS[field][next ? 0 : 1], before: { [field]: row[field] }, after: { [field]: next } }),
      );
    }
    if (input.categorySlug && input.categorySlug !== row.category.slug) {
      const category = await categories.findBySlug(input.categorySlug);
      if (!category)
        throw new AppError("VALIDATION_FAILED", "categorySlug does not name a category", [
          { field: "categorySlug", message: "does not name a category" },
        ]);
      data.categoryId = category.id;
      entries.push(
        entry(actor, { ...base, action: "post.move", before: { category: row.category.slug }, after: { category: category.slug } }),
      );
    }
    return { data, entries };
  }

  /** After commit: the post as staff now see it, on every open page. */
  async function announcePost(updated: PostRow, previousSlug: string): Promise<Post> {
    const post = await present.post(updated, true);
    publisher.postUpdated(post);
    // A moved post leaves its old category's pages too.
    if (previousSlug !== updated.category.slug) publisher.postDeleted({ id: updated.id, categorySlug: previousSlug });
    return post;
  }

  /** After commit: the comment as staff now see it (hidden ones are withdrawn from members). */
  async function announceComment(updated: CommentRow) {
    const comment = await present.comment(updated, true);
    publisher.commentUpdated(comment);
    return comment;
  }

  /** A staff delete's write and audit entry, inside the caller's transaction. */
  async function deleteIn(tx: Tx, actor: Viewer, target: DeleteTarget, reason?: string): Promise<AuditEntry[]> {
    const { kind, row } = target;
    if (kind === "post") await repo.updatePost(tx, row.id, { deletedAt: new Date() });
    else await repo.deleteComment(tx, row.id, row.postId);
    const base = { targetType: kind, targetId: row.id, targetUserId: row.author.id, reason };
    return [entry(actor, { ...base, action: `${kind}.delete`, before: { deleted: false }, after: { deleted: true } })];
  }

  /** After commit: withdraw the deleted item from every open page. */
  function announceDelete({ kind, row }: DeleteTarget) {
    if (kind === "post") publisher.postDeleted({ id: row.id, categorySlug: row.category.slug });
    else publisher.commentDeleted({ id: row.id, postId: row.postId });
  }

  return {
    loadPost,
    loadComment,

    async moderatePost(viewer: Viewer | null, id: string, input: TPostModeration): Promise<Post> {
      const actor = requireStaff(viewer);
      const row = await loadPost(id);
      const { data, entries } = await planPost(actor, row, input);
      if (entries.length === 0) return present.post(row, true);
      const updated = await audit.withAudit(async (tx) => ({ result: await repo.updatePost(tx, id, data), entries }));
      return announcePost(updated, row.category.slug);
    },

    async moderateComment(viewer: Viewer | null, id: string, input: TCommentModeration) {
      const actor = requireStaff(viewer);
      const row = await loadComment(id);
      if (row.hidden === input.hidden) return present.comment(row, true);
      const updated = await audit.withAudit(async (tx) => ({
        result: await repo.updateComment(tx, id, { hidden: input.hidden }),
        entries: [
          entry(actor, {
            action: input.hidden ? "comment.hide" : "comment.unhide",
            targetType: "comment",
            targetId: id,
            targetUserId: row.author.id,
            reason: input.reason,
            before: { hidden: row.hidden },
            after: { hidden: input.hidden },
          }),
        ],
      }));
      return announceComment(updated);
    },

    deleteIn,
    announceDelete,

    /** Staff deleting someone else's post: audited like every moderation action. */
    async deletePost(actor: Viewer, row: PostRow, reason?: string) {
      const target: DeleteTarget = { kind: "post", row };
      await audit.withAudit(async (tx) => ({ result: undefined, entries: await deleteIn(tx, actor, target, reason) }));
      announceDelete(target);
    },

    async deleteComment(actor: Viewer, row: CommentRow, reason?: string) {
      const target: DeleteTarget = { kind: "comment", row };
      await audit.withAudit(async (tx) => ({ result: undefined, entries: await deleteIn(tx, actor, target, reason) }));
      announceDelete(target);
    },

    /**
     * Staff editing someone else's post: the edit and its audit entry (the changed fields,
     * before and after) in one transaction. The caller renders and announces.
     */
    async editPost(actor: Viewer, row: PostRow, data: { title?: string; body?: string; bodyHtml?: string; editedAt: Date }) {
      const fields = (["title", "body"] as const).filter((f) => data[f] !== undefined && data[f] !== row[f]);
      return audit.withAudit(async (tx) => ({
        result: await repo.updatePost(tx, row.id, data),
        entries: fields.length
          ? [
              entry(actor, {
                action: "post.edit",
                targetType: "post",
                targetId: row.id,
                targetUserId: row.author.id,
                before: Object.fromEntries(fields.map((f) => [f, row[f]])),
                after: Object.fromEntries(fields.map((f) => [f, data[f]])),
              }),
            ]
          : [],
      }));
    },

    /** Staff editing someone else's comment: audited like editPost. */
    async editComment(actor: Viewer, row: CommentRow, data: { body: string; bodyHtml: string; editedAt: Date }) {
      return audit.withAudit(async (tx) => ({
        result: await repo.updateComment(tx, row.id, data),
        entries:
          data.body === row.body
            ? []
            : [
                entry(actor, {
                  action: "comment.edit",
                  targetType: "comment",
                  targetId: row.id,
                  targetUserId: row.author.id,
                  before: { body: row.body },
                  after: { body: data.body },
                }),
              ],
      }));
    },

    planPost,
    announcePost,
    announceComment,
    entry,
    ensureOpen(status: string) {
      if (status !== "OPEN") throw conflict("this report is already closed");
    },
  };
}

export type ContentModeration = ReturnType<typeof createContentModeration>;
