import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { migrate, readMigrations } from "./migrate";
import { createDatabaseOn, type TestDatabase } from "@/test/harness";

/**
 * Nodes apply migrations when they start, and several start at once (an upgrade rolled out
 * to every node, a cluster restart). The applier's advisory lock makes that safe: one of
 * them applies each pending migration, the others wait and apply nothing.
 */
describe("migrations applied by several nodes at once", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDatabaseOn(inject("databaseUrl"), "parley_migrate");
  });
  afterAll(async () => {
    await db?.stop();
  });

  it("an empty database gets every migration exactly once, and every starter succeeds", async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(1);
    // Four appliers on four connections, racing from the same moment.
    const results = await Promise.all([1, 2, 3, 4].map(() => migrate(db.url)));

    const applied = results.flat();
    expect([...applied].sort(), "each migration applied by exactly one starter").toEqual(names);
    expect(
      results.filter((r) => r.length > 0),
      "one starter did the work, in order",
    ).toEqual([names]);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows).toEqual(names.map((migration_name) => ({ migration_name, finished: true })));
    } finally {
      await client.end();
    }
    // And a later start finds nothing to do.
    expect(await migrate(db.url)).toEqual([]);
  });
});
