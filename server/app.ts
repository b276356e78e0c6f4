import type { Server as HttpServer } from "node:http";
import { env } from "./env";
import { childLogger } from "./logger";
import { setServices } from "./context";
import { createDb } from "./db/client";
import { startDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { createServices } from "./services";
import { createMemoryPresence } from "./presence/presence";
import { createRateLimiters } from "./http/rate-limit";
import { nullPublisher, type Publisher } from "./realtime/publisher";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed";

const log = childLogger("app");

/**
 * Boots everything but HTTP: database (embedded or DATABASE_URL), migrations, services,
 * the default category and, in development on an empty database, demo content.
 */
export async function startApp() {
  const database = await startDatabase();
  await migrate(database.url);
  const db = createDb(database.url);
  let publisher: Publisher = nullPublisher;
  const services = createServices({
    db,
    adminEmails: env.adminEmails,
    publisher: () => publisher,
    presence: createMemoryPresence(),
    limits: createRateLimiters(env.RATE_LIMIT_SCALE),
  });
  await services.categories.ensureDefault();
  const seed = env.PARLEY_SEED === "demo" || (env.PARLEY_SEED === "auto" && !env.production);
  if (seed && (await services.users.count()) === 0) {
    await seedDemo(services);
    log.info(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role.toLowerCase()})`).join(", ")}`);
  }
  setServices(services);

  return {
    services,
    /** Attaches the realtime layer to the HTTP server; returns its closer. */
    async attach(_server: HttpServer) {
      return { close: async () => {} };
    },
    async stop() {
      setServices(undefined);
      await db.$disconnect();
      await database.stop();
    },
    setPublisher(p: Publisher) {
      publisher = p;
    },
  };
}
