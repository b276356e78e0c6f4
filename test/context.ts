import { afterAll, inject } from "vitest";
import { createClient, directDb, signedUpClient } from "./harness";

/** The run's shared node and database (started once by global-setup.ts), for a test file. */
export function useServer() {
  const origin = inject("origin");
  const databaseUrl = inject("databaseUrl");
  const secret = inject("secret");
  const mailDir = inject("mailDir");
  const db = directDb(databaseUrl);
  afterAll(() => db.close());
  return {
    origin,
    databaseUrl,
    secret,
    mailDir,
    db,
    anonymous: () => createClient(origin),
    member: (prefix?: string) => signedUpClient(origin, prefix),
    /** A fresh member promoted to MODERATOR (roles are re-read on every request). */
    async moderator(prefix = "mod") {
      const client = await signedUpClient(origin, prefix);
      await db.setRole(client.me.user.id, "MODERATOR");
      return client;
    },
    /** A fresh member promoted to ADMIN. */
    async admin(prefix = "admin") {
      const client = await signedUpClient(origin, prefix);
      await db.setRole(client.me.user.id, "ADMIN");
      return client;
    },
  };
}
