import type { Server as HttpServer } from "node:http";
import os from "node:os";
import { env } from "./env";
import { childLogger } from "./logger";
import { setServices } from "./context";
import { createDb, createPool } from "./db/client";
import { startDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { createServices } from "./services";
import { createMemoryPresence } from "./presence/presence";
import { createRedisPresence } from "./presence/redis";
import { createResilientPresence } from "./presence/resilient";
import { connectRedis } from "./redis/link";
import { createRateLimiters } from "./http/rate-limit";
import { createIo, hardenEngine } from "./realtime/io";
import { createBroadcaster } from "./realtime/broadcaster";
import { createAccessControl } from "./realtime/access";
import { createCommentFeed } from "./comments/comments.feed";
import { createCommentsRepository } from "./comments/comments.repository";
import { createPostsRepository } from "./posts/posts.repository";
import { createReactionsRepository } from "./reactions/reactions.repository";
import { createPresenters } from "./presenters";
import { createRealtime } from "./realtime";
import { createCensus, createEventCounter } from "./realtime/stats";
import { createRelay, EVENT_OF } from "./realtime/relay";
import { createMetrics } from "./metrics/metrics";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed";
import path from "node:path";
import { createSessionCache } from "./sessions/session-cache";
import { createUsersRepository } from "./users/users.repository";
import { ACCESS_CHANNEL, createAccessCache } from "./users/access-cache";
import { listen } from "./db/listen";
import { createMailRepository } from "./mail/mail.repository";
import { createOutbox } from "./mail/outbox";
import { fileTransport, smtpTransport } from "./mail/transport";
import { createReadModel } from "./readmodel/read-model";
import { invalidating, TAGS } from "./readmodel/invalidation";
import { createNotificationMailer } from "./notifications/notification-mail";
import { createNotificationMailRepository } from "./notifications/notification-mail.repository";
import { unsubscribeToken } from "./account-data/unsubscribe-token";
import { storageFromEnv } from "./storage";

const log = childLogger("app");

/**
 * The composition root. Boots everything but HTTP, each part from the ones before it:
 * database (embedded or DATABASE_URL) and migrations, Redis when REDIS_URL is set, the
 * Socket.IO server, the broadcaster on it (with a read-only feed of committed comments for
 * its ordered lanes), the relay that brings every node's events to every broadcaster, the
 * services publishing through the relay, the socket handlers over the services; then the
 * default category and, in development on an empty database, demo content. `attach` hangs
 * the sockets on the HTTP server.
 */
export async function startApp() {
  const metrics = createMetrics(`${os.hostname()}:${env.PORT}`);
  const database = await startDatabase();
  await migrate(database.url);
  const pool = createPool(database.url, {
    max: env.DATABASE_POOL_MAX,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    onError: (err) => {
      metrics.dbError("connection");
      log.warn({ err }, "database connection lost");
    },
  });
  // Members' access rows, per node (server/users/access-cache.ts): forgotten as this node writes
  // a member's row, as PostgreSQL announces any change to one (from any writer), and as the
  // relay's access events arrive; bypassed while the announcements cannot be heard.
  const accessCache = createAccessCache({ find: (id) => usersRepo.findAccess(id), findMany: (ids) => usersRepo.findAccessMany(ids) });
  const db = createDb(pool, undefined, {
    onQueryError: () => metrics.dbError("query"),
    onUserWrite: (id) => (id ? accessCache.forget(id) : accessCache.forgetAll()),
  });
  const usersRepo = createUsersRepository(db);
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : undefined;
  const presence = redis ? createResilientPresence(createRedisPresence(redis.commands), redis) : createMemoryPresence();
  const events = createEventCounter(redis?.commands, redis?.isUp);
  const io = createIo({ redis: redis && { client: redis.adapter, url: env.REDIS_URL!, isUp: redis.isUp } });
  const postsRepo = createPostsRepository(db);
  const access = createAccessControl(io, {
    postVisible: async (id) => {
      const row = await postsRepo.findVisibility(id);
      return Boolean(row && !row.deletedAt && !row.hidden);
    },
  });
  const feed = createCommentFeed({
    comments: createCommentsRepository(db),
    posts: postsRepo,
    present: createPresenters(createReactionsRepository(db).counts),
  });
  // One cache of live sessions per node: request and handshake lookups fill it, the relay's
  // ended-session access changes (from any node) clear it.
  const sessionCache = createSessionCache();
  const accessChanges = listen(database.url, ACCESS_CHANNEL, {
    onMessage: (userId) => accessCache.forget(userId),
    onState: (live) => {
      accessCache.setLive(live);
      if (!live) log.warn("not hearing the database's access changes: members' access rows are read on every request");
    },
  });
  const mailLog = childLogger("mail");
  const outbox = createOutbox({
    repo: createMailRepository(db),
    transport: env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(path.join(env.PARLEY_DATA_DIR, "mail"), mailLog),
    from: env.mailFrom,
    log: mailLog,
    pollMs: env.MAIL_POLL_MS,
  });
  // What every reader shares (server/readmodel). It hears the same events as the sockets; while
  // Redis is away it would miss other nodes' events, so it is emptied and bypassed until Redis
  // returns (and emptied again then: events published meanwhile never arrived).
  const readModel = createReadModel({
    maxEntries: env.READ_CACHE_MB > 0 ? 50_000 : 0,
    maxBytes: env.READ_CACHE_MB * 1024 * 1024,
    maxAgeMs: env.READ_CACHE_MAX_AGE_MS,
    live: redis?.isUp,
  });
  redis?.onRecovered(() => readModel.clear());
  const broadcaster = createBroadcaster(io, {
    feed,
    access,
    sessions: sessionCache,
    users: accessCache,
    lanes: {
      delivered: (comment) => {
        metrics.commentDelivered(comment.createdAt);
        // A comment the lane read from the database (its event lost with a node) is news too.
        readModel.invalidate([TAGS.post(comment.postId)]);
      },
      onFill: () => metrics.catchup("lane"),
      onError: (err, postId) => log.debug({ err, postId }, "comment lane could not read the database"),
    },
  });
  const publisher = createRelay(io, invalidating(readModel, broadcaster), {
    cluster: Boolean(redis),
    published: events.record,
    delivered: (method) => metrics.event(EVENT_OF[method]),
  });
  // What other nodes published while Redis was away is in the database: each lane reads it.
  redis?.onRecovered(() => void broadcaster.lanes.resync());
  const services = createServices({
    db,
    adminEmails: env.adminEmails,
    publisher,
    presence,
    limits: createRateLimiters(env.RATE_LIMIT_SCALE, redis?.commands, { refused: metrics.rateLimited }),
    eventsPerMinute: events.perMinute,
    redisState: redis ? redis.state : undefined,
    sessionCache,
    mail: { forum: env.FORUM_NAME, origin: env.origin, queued: () => void outbox.poke() },
    storage: storageFromEnv(env),
    verification: env.EMAIL_VERIFICATION,
    readModel,
    secret: env.secret,
    accessCache,
  });
  const realtime = createRealtime(io, services, { lanes: broadcaster.lanes, access, refused: metrics.rateLimited });
  metrics.watch({ ...createCensus(io), pool, redis });
  await services.categories.ensureDefault();
  const seed = env.PARLEY_SEED === "demo" || (env.PARLEY_SEED === "auto" && !env.production);
  if (seed && (await services.users.count()) === 0) {
    await seedDemo(services);
    log.info(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role.toLowerCase()})`).join(", ")}`);
  }
  setServices(services);
  outbox.start();
  const notificationMail = createNotificationMailer({
    repo: createNotificationMailRepository(db),
    mail: services.mail,
    online: async () => new Set((await presence.snapshot()).users.map((u) => u.id)),
    unsubscribeToken: (userId) => unsubscribeToken(env.secret, userId),
    log: mailLog,
    delayMs: env.NOTIFY_MAIL_DELAY_MS,
    pollMs: env.NOTIFY_MAIL_POLL_MS,
  });
  notificationMail.start();

  return {
    services,
    metrics,
    attach(server: HttpServer) {
      io.attach(server);
      hardenEngine(io);
      return realtime;
    },
    async stop() {
      setServices(undefined);
      presence.stop();
      broadcaster.lanes.stop();
      await notificationMail.stop();
      await outbox.stop();
      await accessChanges.stop();
      await db.$disconnect();
      await redis?.close();
      await database.stop();
    },
  };
}
