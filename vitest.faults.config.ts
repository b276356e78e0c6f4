import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The fault suite (`npm run test:faults`): each file starts its own PostgreSQL, private
 * Redis and production nodes, and takes them away on purpose. One file at a time: outages
 * and killed nodes are what is measured, not the machine's other work.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/faults/global-setup.ts"],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "warn", NEXTAUTH_SECRET: "vitest-workers-never-sign-sessions" },
  },
});
