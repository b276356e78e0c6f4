import { AppError, notFound } from "../errors";
import { requireStaff } from "../auth/guards";
import type { Viewer } from "../dto";
import type { Publisher } from "../realtime/publisher";
import type { Presenters } from "../presenters";
import { toReport, type ReportRow } from "../reports/reports.repository";
import type { AuditEntry, AuditRepository } from "./audit.repository";
import type { ModerationRepository } from "./moderation.repository";
import type { ContentModeration } from "./content.service";
import type { MemberModeration } from "./members.service";
import type { TResolve } from "./moderation.schema";
import { isUuid } from "../ids";

/** The reports queue: each report shown with its content in context, resolved in one transaction. */
export function createReportQueue(deps: {
  repo: ModerationRepository;
  audit: AuditRepository;
  content: ContentModeration;
  members: MemberModeration;
  present: Presenters;
  publisher: Publisher;
  countOpenReports: () => Promise<number>;
}) {
  const { repo, audit, content, members, present, publisher } = deps;

  async function withContext(rows: ReportRow[]) {
    const postIds = rows.filter((r) => r.targetType === "POST").map((r) => r.targetId);
    const commentIds = rows.filter((r) => r.targetType === "COMMENT").map((r) => r.targetId);
    const resolverIds = [...new Set(rows.flatMap((r) => (r.resolvedById ? [r.resolvedById] : [])))];
    const [{ posts, comments }, resolvers] = await Promise.all([repo.reportTargets(postIds, commentIds), repo.userRefs(resolverIds)]);
    const [postViews, commentViews] = await Promise.all([present.posts(posts, true), present.comments(comments, true)]);
    const postById = new Map(posts.map((p, i) => [p.id, { post: postViews[i], deleted: p.deletedAt !== null }]));
    const commentById = new Map(
      comments.map((c, i) => [c.id, { comment: commentViews[i], postTitle: c.post.title, deleted: c.deletedAt !== null }]),
    );
    return rows.map((r) => ({
      ...toReport(r),
      resolvedBy: r.resolvedById ? (resolvers.get(r.resolvedById) ?? { id: r.resolvedById, username: "", avatarUrl: null }) : null,
      target: (r.targetType === "POST" ? postById.get(r.targetId) : commentById.get(r.targetId)) ?? null,
    }));
  }

  return {
    async list(viewer: Viewer | null, status: "open" | "resolved" | "dismissed" | "all", limit: number) {
      requireStaff(viewer);
      const s = status === "all" ? undefined : (status.toUpperCase() as "OPEN" | "RESOLVED" | "DISMISSED");
      return withContext(await repo.listReports(s, limit));
    },

    /** Dismiss, or act on the reported item (hide, delete, lock its post, ban its author). */
    async resolve(viewer: Viewer | null, reportId: string, input: TResolve) {
      const actor = requireStaff(viewer);
      const report = isUuid(reportId) ? await repo.findReport(reportId) : null;
      if (!report) throw notFound("report");
      content.ensureOpen(report.status);
      const isPost = report.targetType === "POST";
      const post = isPost ? await content.loadPost(report.targetId).catch(() => null) : null;
      const comment = isPost ? null : await content.loadComment(report.targetId).catch(() => null);
      const authorId = post?.author.id ?? comment?.author.id;
      if (input.action !== "dismiss" && !post && !comment)
        throw new AppError("CONFLICT", "the reported item is already gone; dismiss the report");
      const lockTarget = input.action === "lock" ? (post ?? (comment ? await content.loadPost(comment.postId) : null)) : null;
      const banTarget = input.action === "ban" ? await members.loadUser(authorId!) : null;
      const target = { targetType: report.targetType, targetId: report.targetId };
      const deleted = post ? ({ kind: "post", row: post } as const) : comment ? ({ kind: "comment", row: comment } as const) : null;

      const changed = await audit.withAudit(async (tx) => {
        // Claimed first, inside the transaction: a parallel resolution waits on the row lock,
        // then finds the report closed and rolls back with 409 (no second audit, no second delete).
        if (!(await repo.claimReport(tx, report.id))) content.ensureOpen("CLOSED");
        const entries: AuditEntry[] = [];
        let updatedPost = null;
        let updatedComment = null;
        if (input.action === "hide" && post) {
          const plan = await content.planPost(actor, post, { hidden: true, reason: input.note });
          if (plan.entries.length) updatedPost = await repo.updatePost(tx, post.id, plan.data);
          entries.push(...plan.entries);
        } else if (input.action === "hide" && comment && !comment.hidden) {
          updatedComment = await repo.updateComment(tx, comment.id, { hidden: true });
          entries.push(
            content.entry(actor, {
              action: "comment.hide",
              targetType: "comment",
              targetId: comment.id,
              targetUserId: comment.author.id,
              reason: input.note,
              before: { hidden: false },
              after: { hidden: true },
            }),
          );
        } else if (input.action === "delete") {
          entries.push(...(await content.deleteIn(tx, actor, deleted!, input.note)));
        } else if (input.action === "lock" && lockTarget) {
          const plan = await content.planPost(actor, lockTarget, { locked: true, reason: input.note });
          if (plan.entries.length) updatedPost = await repo.updatePost(tx, lockTarget.id, plan.data);
          entries.push(...plan.entries);
        } else if (input.action === "ban" && banTarget && !banTarget.ban) {
          entries.push(...(await members.banIn(tx, actor, banTarget, { reason: input.note || report.reason, until: input.banUntil })));
        }
        const status = input.action === "dismiss" ? "DISMISSED" : "RESOLVED";
        await repo.closeReports(tx, target, actor.id, status, input.action, input.note);
        entries.push(
          content.entry(actor, {
            action: input.action === "dismiss" ? "report.dismiss" : "report.resolve",
            targetType: "report",
            targetId: report.id,
            targetUserId: authorId ?? null,
            reason: input.note,
            before: { status: "OPEN" },
            after: { status, action: input.action },
          }),
        );
        return { result: { updatedPost, updatedComment }, entries };
      });

      // After commit: withdraw or update the item on every open page.
      if (changed.updatedPost) await content.announcePost(changed.updatedPost, changed.updatedPost.category.slug);
      if (changed.updatedComment) await content.announceComment(changed.updatedComment);
      if (input.action === "delete") content.announceDelete(deleted!);
      if (input.action === "ban" && banTarget && !banTarget.ban)
        members.announceBan(banTarget.id, { reason: input.note || report.reason, until: input.banUntil });
      publisher.reportChanged({ reportId: report.id, openCount: await deps.countOpenReports() });
      return (await withContext([(await repo.findReport(report.id))!]))[0];
    },
  };
}

export type ReportQueue = ReturnType<typeof createReportQueue>;
