import { startDatabase, startNode } from "../test/harness";

/**
 * One throwaway database and one production Parley node for the browser tests. Their origin
 * reaches the workers through PARLEY_E2E_ORIGIN (Playwright passes globalSetup's env on).
 */
export default async function globalSetup() {
  const db = await startDatabase();
  const node = await startNode({ databaseUrl: db.url });
  process.env.PARLEY_E2E_ORIGIN = node.origin;
  process.env.PARLEY_E2E_DATABASE_URL = db.url;
  // Mail the node writes as .eml files (no SMTP_URL), for tests that follow a mailed link.
  process.env.PARLEY_E2E_MAIL_DIR = node.mailDir;
  return async () => {
    await node.stop();
    await db.stop();
  };
}
