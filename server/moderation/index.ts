import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { conflict, notFound } from "../errors";
import { requireAdmin, requireStaff } from "../auth/guards";
import type { Viewer } from "../dto";
import type { Publisher } from "../realtime/publisher";
import type { Presenters } from "../presenters";
import type { PresenceStore } from "../presence/presence";
import type { CategoriesRepository } from "../categories/categories.repository";
import type { PostsRepository } from "../posts/posts.repository";
import type { CommentsRepository } from "../comments/comments.repository";
import type { TCategoryInput, TCategoryUpdate } from "../categories/categories.schema";
import { createAuditRepository } from "./audit.repository";
import { createModerationRepository } from "./moderation.repository";
import { createContentModeration } from "./content.service";
import { createMemberModeration } from "./members.service";
import { createReportQueue } from "./queue.service";
import type { TAuditQuery } from "./moderation.schema";
import type { LiveStats } from "../dto";

export interface ModerationDeps {
  db: Db;
  posts: PostsRepository;
  comments: CommentsRepository;
  categories: CategoriesRepository;
  presence: PresenceStore;
  eventsPerMinute: () => Promise<number>;
  countOpenReports: () => Promise<number>;
  present: Presenters;
  publisher: Publisher;
}

const startOfTodayUtc = () => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
};

/** Everything staff do: content actions, members, the reports queue, the audit log, live figures. */
export function createModeration(deps: ModerationDeps) {
  const repo = createModerationRepository(deps.db);
  const audit = createAuditRepository(deps.db);
  const content = createContentModeration({
    repo,
    audit,
    posts: deps.posts,
    comments: deps.comments,
    categories: deps.categories,
    present: deps.present,
    publisher: deps.publisher,
  });
  const members = createMemberModeration({ repo, audit, publisher: deps.publisher });
  const reports = createReportQueue({
    repo,
    audit,
    content,
    members,
    present: deps.present,
    publisher: deps.publisher,
    countOpenReports: deps.countOpenReports,
  });

  async function figures(): Promise<LiveStats> {
    const [presence, counts, eventsPerMinute] = await Promise.all([
      deps.presence.snapshot(),
      repo.counts(startOfTodayUtc()),
      deps.eventsPerMinute(),
    ]);
    return { online: presence.count, guests: presence.guests, sockets: presence.sockets, eventsPerMinute, ...counts };
  }

  return {
    content,
    members,
    reports,

    async audit(viewer: Viewer | null, q: TAuditQuery) {
      requireStaff(viewer);
      return audit.list(q);
    },

    async stats(viewer: Viewer | null) {
      requireStaff(viewer);
      return figures();
    },

    /** The live figures, unauthenticated: for the realtime layer's push to staff sockets. */
    figures,

    async createCategory(viewer: Viewer | null, input: TCategoryInput) {
      const actor = requireAdmin(viewer);
      const position = (await repo.countCategories()) * 10;
      try {
        const created = await audit.withAudit(async (tx) => {
          const c = await repo.createCategory(tx, { ...input, position });
          return {
            result: c,
            entries: [{ actorId: actor.id, action: "category.create", targetType: "category" as const, targetId: c.slug, after: input }],
          };
        });
        deps.publisher.categoryChanged({ slug: created.slug });
        return created;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict("slug is already taken", [{ field: "slug", message: "is already taken" }]);
        throw err;
      }
    },

    async updateCategory(viewer: Viewer | null, slug: string, input: TCategoryUpdate) {
      const actor = requireAdmin(viewer);
      const before = await repo.findCategory(slug);
      if (!before) throw notFound("category");
      const updated = await audit.withAudit(async (tx) => {
        const c = await repo.updateCategory(tx, slug, input);
        const was = Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof typeof before]]));
        return {
          result: c,
          entries: [
            { actorId: actor.id, action: "category.update", targetType: "category" as const, targetId: slug, before: was, after: input },
          ],
        };
      });
      deps.publisher.categoryChanged({ slug });
      return updated;
    },
  };
}

export type Moderation = ReturnType<typeof createModeration>;
