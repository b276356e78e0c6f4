import { defineConfig } from "prisma/config";

// Prisma 7 keeps connection URLs out of schema.prisma. At run time Parley connects
// through @prisma/adapter-pg (server/db/client.ts); the CLI only needs a URL for
// `migrate deploy` on machines that have Prisma's schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/parley" },
});
