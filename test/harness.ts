/**
 * The test harness: throwaway databases, production Parley nodes as child processes, and an
 * HTTP client with a cookie jar. Free of vitest, so Playwright and load tools can use it too.
 */
export { startDatabase, createDatabaseOn, withDatabase, freePort, type TestDatabase } from "./database";
export { startNode, assertProductionBuild, REPO_ROOT, TEST_ADMIN_EMAIL, type NodeOptions, type RunningNode } from "./node";
export {
  Client,
  createClient,
  signedUpClient,
  mintSessionToken,
  uniqueName,
  SESSION_COOKIE,
  SECURE_SESSION_COOKIE,
  TEST_PASSWORD,
  type ApiResponse,
  type RequestOptions,
  type SignedUp,
} from "./client";
export { directDb, type DirectDb, type Role } from "./direct-db";
