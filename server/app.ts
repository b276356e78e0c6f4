import type { Server as HttpServer } from "node:http";
import { createClient, type RedisClientType } from "redis";
import { env } from "./env";
import { childLogger } from "./logger";
import { setServices } from "./context";
import { createDb } from "./db/client";
import { startDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { createServices } from "./services";
import { createMemoryPresence } from "./presence/presence";
import { createRedisPresence } from "./presence/redis";
import { createRateLimiters } from "./http/rate-limit";
import { createIo } from "./realtime/io";
import { createBroadcaster } from "./realtime/broadcaster";
import { createRealtime } from "./realtime";
import { createEventCounter } from "./realtime/stats";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed";

const log = childLogger("app");

async function connectRedis(url: string): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url });
  client.on("error", (err) => log.warn({ err }, "redis error"));
  await client.connect();
  log.info("connected to Redis: multi-node mode");
  return client;
}

/**
 * The composition root. Boots everything but HTTP, each part from the ones before it:
 * database (embedded or DATABASE_URL) and migrations, Redis when REDIS_URL is set, the
 * Socket.IO server, the broadcaster on it, the services publishing through the broadcaster,
 * the socket handlers over the services; then the default category and, in development on
 * an empty database, demo content. `attach` hangs the sockets on the HTTP server.
 */
export async function startApp() {
  const database = await startDatabase();
  await migrate(database.url);
  const db = createDb(database.url);
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : undefined;
  const presence = redis ? createRedisPresence(redis) : createMemoryPresence();
  const events = createEventCounter(redis);
  const io = createIo({ redis });
  const publisher = createBroadcaster(io, { onEmit: events.record });
  const services = createServices({
    db,
    adminEmails: env.adminEmails,
    publisher,
    presence,
    limits: createRateLimiters(env.RATE_LIMIT_SCALE, redis),
    eventsPerMinute: events.perMinute,
  });
  const realtime = createRealtime(io, services);
  await services.categories.ensureDefault();
  const seed = env.PARLEY_SEED === "demo" || (env.PARLEY_SEED === "auto" && !env.production);
  if (seed && (await services.users.count()) === 0) {
    await seedDemo(services);
    log.info(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role.toLowerCase()})`).join(", ")}`);
  }
  setServices(services);

  return {
    services,
    attach(server: HttpServer) {
      io.attach(server);
      return realtime;
    },
    async stop() {
      setServices(undefined);
      presence.stop();
      await db.$disconnect();
      await redis?.quit().catch(() => {});
      await database.stop();
    },
  };
}
