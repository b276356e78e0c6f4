import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The production topology (`npm run test:deploy`): nginx from deploy/nginx.conf terminating
 * TLS in front of two production nodes, Redis and PostgreSQL, driven through the proxy only.
 * One file, one worker: it owns every process it starts.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["test/deploy/**/*.test.ts"],
    globalSetup: ["test/deploy/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { LOG_LEVEL: "warn", NEXTAUTH_SECRET: "vitest-workers-never-sign-sessions" },
  },
});
