import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Service-level tests (`*.service.test.ts`: the real services over a real, migrated database,
 * with a recording publisher) without a production build or a node: `npm run test:services`.
 * The main config runs them too, against the shared node's database.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: [
      "server/**/*.service.test.ts",
      "server/db/like.test.ts",
      "server/db/embedded.test.ts",
      "server/http/client-address.test.ts",
      "server/markdown/render.test.ts",
    ],
    globalSetup: ["test/services-setup.ts"],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    env: { LOG_LEVEL: "warn", NEXTAUTH_SECRET: "vitest-workers-never-sign-sessions" },
  },
});
