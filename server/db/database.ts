import path from "node:path";
import { env } from "../env";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";

/** DATABASE_URL when set (nothing is started), else the embedded PostgreSQL in the data dir. */
export async function startDatabase(): Promise<RunningDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  return startEmbeddedPostgres(path.join(env.PARLEY_DATA_DIR, "pg"));
}
