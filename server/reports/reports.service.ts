import type { Viewer } from "../dto";
import { requireWriter } from "../auth/guards";
import type { Publisher } from "../realtime/publisher";
import type { PostsService } from "../posts/posts.service";
import type { CommentsService } from "../comments/comments.service";
import { toReport, type Report, type ReportsRepository } from "./reports.repository";
import type { TCreateReport } from "./reports.schema";

export interface ReportsDeps {
  repo: ReportsRepository;
  posts: PostsService;
  comments: CommentsService;
  publisher: Publisher;
}

export function createReportsService({ repo, posts, comments, publisher }: ReportsDeps) {
  return {
    countOpen: repo.countOpen,
    /** One open report per member per item: reporting again returns the open one. */
    async create(viewer: Viewer | null, input: TCreateReport): Promise<{ report: Report; created: boolean }> {
      const user = requireWriter(viewer);
      if (input.targetType === "post") await posts.findVisible(input.targetId, user);
      else await comments.findVisible(input.targetId, user);
      const targetType = input.targetType === "post" ? ("POST" as const) : ("COMMENT" as const);
      const open = await repo.findOpenBy(user.id, targetType, input.targetId);
      if (open) return { report: toReport(open), created: false };
      const report = toReport(await repo.create({ reporterId: user.id, targetType, targetId: input.targetId, reason: input.reason }));
      publisher.reportChanged({ reportId: report.id, openCount: await repo.countOpen() });
      return { report, created: true };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
