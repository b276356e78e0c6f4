import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The bench's bare Next 16 app: no auth, no i18n, no services, no cache — pages and one route
 * handler reading the same rows with plain `pg`. Built by the bench into bench/bare-next/.next.
 */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg"],
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: path.resolve(here, "../..") },
  outputFileTracingRoot: path.resolve(here, "../.."),
};

export default config;
