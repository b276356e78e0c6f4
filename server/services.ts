import { randomBytes } from "node:crypto";
import type { Db } from "./db/client";
import type { Publisher } from "./realtime/publisher";
import type { PresenceStore } from "./presence/presence";
import type { RateLimiters } from "./http/rate-limit";
import type { RedisState } from "./redis/link";
import { createUsersRepository } from "./users/users.repository";
import { createUsersService } from "./users/users.service";
import { readThrough, type AccessCache } from "./users/access-cache";
import { createCategoriesRepository } from "./categories/categories.repository";
import { createCategoriesService } from "./categories/categories.service";
import { createPostsRepository } from "./posts/posts.repository";
import { createPostsService } from "./posts/posts.service";
import { createCommentsRepository } from "./comments/comments.repository";
import { createCommentsService } from "./comments/comments.service";
import { createReactionsRepository } from "./reactions/reactions.repository";
import { createReactionsService } from "./reactions/reactions.service";
import { createReportsRepository } from "./reports/reports.repository";
import { createReportsService } from "./reports/reports.service";
import { createNotificationsRepository } from "./notifications/notifications.repository";
import { createNotificationsService } from "./notifications/notifications.service";
import { createProfilesService } from "./users/profiles.service";
import { createFollowRepository } from "./follow/follow.repository";
import { createFollowService } from "./follow/follow.service";
import { createDraftsRepository } from "./drafts/drafts.repository";
import { createDraftsService } from "./drafts/drafts.service";
import { createModeration } from "./moderation";
import { createPresenters } from "./presenters";
import { createPersonalService } from "./personal/personal.service";
import { createPersonalRepository } from "./personal/personal.repository";
import { createSearchRepository } from "./search/search.repository";
import { createSearchService } from "./search/search.service";
import { createSessionsRepository } from "./sessions/sessions.repository";
import { createSessionsService } from "./sessions/sessions.service";
import { createSessionCache, type SessionCache } from "./sessions/session-cache";
import { createMailRepository } from "./mail/mail.repository";
import { createMailService } from "./mail/mail.service";
import type { MailContext } from "./mail/templates";
import { createAccountsRepository } from "./accounts/accounts.repository";
import { createAccountsService } from "./accounts/accounts.service";
import { createReadModel, type ReadModel } from "./readmodel/read-model";
import { createCachedReads } from "./readmodel/cached-reads";
import { createIdentityRepository } from "./identity/identity.repository";
import { createIdentityService } from "./identity/identity.service";
import { createPendingSignupSeal } from "./identity/pending";
import { createAccountDataRepository } from "./account-data/account-data.repository";
import { createAccountDataService } from "./account-data/account-data.service";
import { createAuditRepository } from "./moderation/audit.repository";
import { createProfileRepository } from "./profile/profile.repository";
import { createProfileService } from "./profile/profile.service";
import type { Storage } from "./storage";

export interface ServiceDeps {
  db: Db;
  adminEmails: Set<string>;
  /** Where services announce what they committed: the broadcaster, or a recording one in tests. */
  publisher: Publisher;
  presence: PresenceStore;
  limits: RateLimiters;
  /** Published realtime events in the last minute (all nodes). */
  eventsPerMinute: () => Promise<number>;
  /** Redis as this node sees it; absent: no Redis configured. */
  redisState?: () => RedisState;
  /** This node's cache of live sessions (the broadcaster clears it as sessions end). */
  sessionCache?: SessionCache;
  /** The forum's name and public origin for mail; `queued` wakes this node's outbox. */
  mail?: MailContext & { queued?(): void };
  /** EMAIL_VERIFICATION: "required" makes posting, commenting and reacting wait for a verified email. */
  verification?: "required" | "optional";
  /**
   * The shared reads every reader sees, dropped by the publisher's events (server/readmodel).
   * Default: off, so services built around a recording publisher always read the database.
   */
  readModel?: ReadModel;
  /**
   * NEXTAUTH_SECRET (the same on every node): seals a provider sign-up waiting for its username
   * and signs unsubscribe links.
   */
  secret?: string;
  /** Where uploads (avatars) are kept: storageFromEnv() in the app, a test's own elsewhere. */
  storage: Storage;
  /**
   * Members' access rows as this node keeps them, told of every change (server/users/access-cache.ts).
   * Default: none, so services built without the database's notifications always read the row.
   */
  accessCache?: AccessCache;
}

/** The composition root of the domain: repositories over one Prisma client, services over them. */
export function createServices({
  db,
  adminEmails,
  publisher,
  presence,
  limits,
  eventsPerMinute,
  redisState,
  sessionCache = createSessionCache(),
  mail: mailOptions = { forum: "Parley", origin: "http://localhost:3000" },
  verification = "optional",
  readModel = createReadModel(),
  secret = randomBytes(32).toString("base64url"),
  storage,
  accessCache,
}: ServiceDeps) {
  const usersRepo = createUsersRepository(db);
  const access = accessCache ?? readThrough({ find: usersRepo.findAccess, findMany: usersRepo.findAccessMany });
  const categoriesRepo = createCategoriesRepository(db);
  const postsRepo = createPostsRepository(db);
  const commentsRepo = createCommentsRepository(db);
  const reactionsRepo = createReactionsRepository(db);
  const reportsRepo = createReportsRepository(db);
  const followRepo = createFollowRepository(db);
  const present = createPresenters(reactionsRepo.counts, followRepo.state);

  const moderation = createModeration({
    db,
    posts: postsRepo,
    comments: commentsRepo,
    categories: categoriesRepo,
    presence,
    eventsPerMinute,
    countOpenReports: reportsRepo.countOpen,
    present,
    publisher,
  });
  const users = createUsersService({ repo: usersRepo, adminEmails, access });
  const sessions = createSessionsService({
    repo: createSessionsRepository(db),
    cache: sessionCache,
    publisher,
    findAccess: access.read,
    findAccessMany: access.readMany,
  });
  const mail = createMailService({
    repo: createMailRepository(db),
    context: { forum: mailOptions.forum, origin: mailOptions.origin },
    queued: mailOptions.queued,
  });
  const accounts = createAccountsService({ repo: createAccountsRepository(db), users, sessions, mail, limits });
  const identity = createIdentityService({
    repo: createIdentityRepository(db),
    sessions,
    users,
    pending: createPendingSignupSeal(secret),
  });
  const profile = createProfileService({ repo: createProfileRepository(db), storage, users, publisher });
  const accountData = createAccountDataService({
    repo: createAccountDataRepository(db),
    audit: createAuditRepository(db),
    sessions,
    releaseAvatar: profile.releaseAvatar,
    secret,
    forum: mailOptions.forum,
  });
  const categories = createCategoriesService({ repo: categoriesRepo });
  const posts = createPostsService({
    repo: postsRepo,
    categories: categoriesRepo,
    present,
    publisher,
    users: usersRepo,
    follow: followRepo,
    staffDelete: moderation.content.deletePost,
    staffEdit: moderation.content.editPost,
    verification,
  });
  const comments = createCommentsService({
    repo: commentsRepo,
    posts,
    postsRepo,
    users: usersRepo,
    present,
    publisher,
    staffDelete: moderation.content.deleteComment,
    staffEdit: moderation.content.editComment,
    verification,
  });
  const reactions = createReactionsService({ repo: reactionsRepo, posts, comments, present, publisher, verification });
  const reports = createReportsService({ repo: reportsRepo, posts, comments, publisher });
  const notifications = createNotificationsService({ repo: createNotificationsRepository(db), present });
  const follow = createFollowService({ repo: followRepo, posts, categories: categoriesRepo });
  const drafts = createDraftsService({ repo: createDraftsRepository(db), posts });
  // Pages and the API read through the cache; services keep the uncached ones among themselves.
  const reads = createCachedReads({ posts, comments, categories, present, readModel });

  return {
    users,
    sessions,
    accounts,
    identity,
    accountData,
    mail,
    categories: reads.categories,
    posts: reads.posts,
    comments: reads.comments,
    readModel,
    reactions,
    reports,
    notifications,
    personal: createPersonalService({ repo: createPersonalRepository(db), posts: reads.posts, present, follow, notifications }),
    search: createSearchService({ repo: createSearchRepository(db), limits }),
    follow,
    drafts,
    profiles: createProfilesService({ users: usersRepo, posts, comments }),
    profile,
    moderation,
    presence,
    limits,
    eventsPerMinute,
    /** What this node depends on, as it sees them now (never throws). */
    async health(): Promise<{ db: "ok" | "unreachable"; redis: RedisState }> {
      const redis = redisState?.() ?? "off";
      try {
        await db.$queryRaw`SELECT 1`;
        return { db: "ok", redis };
      } catch {
        return { db: "unreachable", redis };
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
