import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Playwright's own browser download needs the internet; Debian's Chromium works as well.
// PLAYWRIGHT_CHROMIUM_EXECUTABLE wins, then /usr/bin/chromium, else Playwright's download.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // One Parley node, one database and real browsers share 2 cores: one worker keeps it honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  use: {
    baseURL: process.env.PARLEY_E2E_ORIGIN,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
