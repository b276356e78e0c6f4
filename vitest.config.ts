import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["server/**/*.test.ts"],
    // One database and one production node for the run; see test/global-setup.ts.
    globalSetup: ["test/global-setup.ts"],
    // The node and PostgreSQL need CPU too: two test files at a time fill the 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // Workers import server modules (migrate, render) that read the environment once;
    // keep them quiet and stop server/env.ts from minting a dev secret in .data.
    env: { LOG_LEVEL: "warn", NEXTAUTH_SECRET: "vitest-workers-never-sign-sessions" },
  },
});
