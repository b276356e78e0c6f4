import { AppError, conflict, notFound } from "../errors";
import { requireStaff } from "../auth/guards";
import type { Post, Viewer } from "../dto";
import type { Tx } from "../db/client";
import type { Publisher } from "../realtime/publisher";
import type { CategoriesRepository } from "../categories/categories.repository";
import { toPost, type PostRow, type PostsRepository } from "../posts/posts.repository";
import { toComment, type CommentRow, type CommentsRepository } from "../comments/comments.repository";
import { isUuid } from "../posts/posts.service";
import type { AuditEntry, AuditRepository } from "./audit.repository";
import type { ModerationRepository } from "./moderation.repository";
import type { TCommentModeration, TPostModeration } from "./moderation.schema";

export interface ContentModerationDeps {
  repo: ModerationRepository;
  audit: AuditRepository;
  posts: PostsRepository;
  comments: CommentsRepository;
  categories: CategoriesRepository;
  publish: () => Publisher;
}

const FLAG_ACTIONS = {
  locked: ["post.lock", "post.unlock"],
  pinned: ["post.pin", "post.unpin"],
  hidden: ["post.hide", "post.unhide"],
} as const;

/**
 * Staff actions on posts and comments. Each change and its audit entry share one
 * transaction; live events go out after commit, so open pages update within a second.
 */
export function createContentModeration({ repo, audit, posts, comments, categories, publish }: ContentModerationDeps) {
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

  function announcePost(updated: PostRow, previousSlug: string) {
    const post = toPost(updated, {}, true);
    publish().postUpdated(post);
    // A moved post leaves its old category's pages too.
    if (previousSlug !== updated.category.slug) publish().postDeleted({ id: updated.id, categorySlug: previousSlug });
  }

  return {
    loadPost,
    loadComment,

    async moderatePost(viewer: Viewer | null, id: string, input: TPostModeration): Promise<Post> {
      const actor = requireStaff(viewer);
      const row = await loadPost(id);
      const { data, entries } = await planPost(actor, row, input);
      if (entries.length === 0) return toPost(row, {}, true);
      const updated = await audit.withAudit(async (tx) => ({ result: await repo.updatePost(tx, id, data), entries }));
      announcePost(updated, row.category.slug);
      return toPost(updated, {}, true);
    },

    async moderateComment(viewer: Viewer | null, id: string, input: TCommentModeration) {
      const actor = requireStaff(viewer);
      const row = await loadComment(id);
      if (row.hidden === input.hidden) return toComment(row, {}, true);
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
      const comment = toComment(updated, {}, true);
      publish().commentUpdated(comment);
      return comment;
    },

    /** Staff deleting someone else's post: audited like every moderation action. */
    async deletePost(actor: Viewer, row: PostRow, reason?: string, tx?: Tx) {
      const work = async (t: Tx) => {
        await repo.updatePost(t, row.id, { deletedAt: new Date() });
        return [
          entry(actor, {
            action: "post.delete",
            targetType: "post",
            targetId: row.id,
            targetUserId: row.author.id,
            reason,
            before: { deleted: false },
            after: { deleted: true },
          }),
        ];
      };
      if (tx) return work(tx);
      await audit.withAudit(async (t) => ({ result: undefined, entries: await work(t) }));
      publish().postDeleted({ id: row.id, categorySlug: row.category.slug });
      return [];
    },

    async deleteComment(actor: Viewer, row: CommentRow, reason?: string, tx?: Tx) {
      const work = async (t: Tx) => {
        await repo.deleteComment(t, row.id, row.postId);
        return [
          entry(actor, {
            action: "comment.delete",
            targetType: "comment",
            targetId: row.id,
            targetUserId: row.author.id,
            reason,
            before: { deleted: false },
            after: { deleted: true },
          }),
        ];
      };
      if (tx) return work(tx);
      await audit.withAudit(async (t) => ({ result: undefined, entries: await work(t) }));
      publish().commentDeleted({ id: row.id, postId: row.postId });
      return [];
    },

    planPost,
    announcePost,
    entry,
    ensureOpen(status: string) {
      if (status !== "OPEN") throw conflict("this report is already closed");
    },
  };
}

export type ContentModeration = ReturnType<typeof createContentModeration>;
