import type { TestProject } from "vitest/node";
import { startDatabase } from "./database";

/**
 * For service-level tests alone (`npm run test:services`): a migrated throwaway database and
 * no Parley node, so they need no production build.
 */
export default async function setup(project: TestProject) {
  process.env.NEXTAUTH_SECRET ??= "vitest-workers-never-sign-sessions";
  const { migrate } = await import("../server/db/migrate");
  const database = await startDatabase();
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
