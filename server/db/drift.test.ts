import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { migrate, MIGRATIONS_DIR } from "./migrate";
import { createDatabaseOn, REPO_ROOT, type TestDatabase } from "@/test/harness";
import { actualShape, compareShapes, expectedShape, prismaDatamodel, type SchemaShape } from "@/test/schema-shape";

const SCHEMA = readFileSync(path.join(REPO_ROOT, "prisma/schema.prisma"), "utf8");
const serverUrl = inject("databaseUrl");

let db: TestDatabase;
let client: pg.Client;
let migrated: SchemaShape;

beforeAll(async () => {
  db = await createDatabaseOn(serverUrl, "parley_drift");
  await migrate(db.url);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  migrated = await actualShape(client);
});
afterAll(async () => {
  await client?.end();
  await db?.stop();
});

describe("migration drift: prisma/migrations vs prisma/schema.prisma", () => {
  it("the migrations build exactly the database schema.prisma describes", () => {
    const differences = compareShapes(expectedShape(prismaDatamodel(SCHEMA)), migrated);
    expect(differences, "write a migration in prisma/migrations for the schema change").toEqual([]);
  });

  it("sees every table, enum, key and index (the comparison is not vacuous)", () => {
    const expected = expectedShape(prismaDatamodel(SCHEMA));
    const tables = ["Category", "Comment", "ModerationAction", "Notification", "Post", "Reaction", "Report", "User"];
    expect(Object.keys(migrated.tables)).toEqual(expect.arrayContaining(tables));
    expect(Object.keys(expected.tables)).toEqual(expect.arrayContaining(tables));
    expect(Object.keys(migrated.enums).length).toBeGreaterThanOrEqual(5);
    expect(migrated.tables.User.email).toEqual({ type: "text", nullable: false, default: null });
    expect(migrated.tables.User.role).toEqual({ type: "Role", nullable: false, default: `'MEMBER'::"Role"` });
    expect(migrated.indexes.Post_categoryId_pinned_lastActivityAt_id_idx.columns).toEqual([
      "categoryId",
      "pinned DESC",
      "lastActivityAt DESC",
      "id DESC",
    ]);
    expect(migrated.foreignKeys.Comment_postId_fkey).toMatchObject({ refTable: "Post", onDelete: "Cascade", onUpdate: "Cascade" });
  });

  describe("reports each kind of disagreement", () => {
    const cases: [string, string | RegExp, string, RegExp][] = [
      [
        "a new field",
        '  bio            String    @default("")',
        '  bio            String    @default("")\n  nickname String?',
        /column User\.nickname: in schema\.prisma/,
      ],
      ["a removed field", /\n  banReason +String\?/, "", /column User\.banReason: created by the migrations/],
      [
        "nullability",
        '  bio            String    @default("")',
        '  bio            String?   @default("")',
        /column User\.bio: .*"nullable":true/,
      ],
      ["a changed type", "  position    Int      @default(0)", "  position    BigInt   @default(0)", /column Category\.position: .*bigint/],
      [
        "a native type",
        "  clientId       String?\n  pinned",
        "  clientId       String?   @db.VarChar(64)\n  pinned",
        /column Post\.clientId: .*character varying\(64\)/,
      ],
      [
        "a dropped default",
        "  sessionVersion Int       @default(0)",
        "  sessionVersion Int",
        /column User\.sessionVersion: .*"default":null/,
      ],
      ["a changed default", "@default(MEMBER)", "@default(MODERATOR)", /column User\.role: .*MODERATOR/],
      ["a list", "  excerpt     String\n", "  excerpt     String[]\n", /column Notification\.excerpt: .*text\[\]/],
      ["a new model", "model Category {", "model Tag {\n  id String @id\n}\n\nmodel Category {", /table Tag: in schema\.prisma/],
      ["an enum value", "  INSIGHT\n", "  INSIGHT\n  ANGRY\n", /enum ReactionKind: .*ANGRY/],
      [
        "an index removed",
        "  @@index([createdAt])\n}\n\nmodel Category",
        "}\n\nmodel Category",
        /index User_createdAt_idx: created by the migrations/,
      ],
      [
        "an index sort order",
        "@@index([lastActivityAt(sort: Desc), id(sort: Desc)])",
        "@@index([lastActivityAt(sort: Desc), id])",
        /index Post_lastActivityAt_id_idx: .*"id"/,
      ],
      ["uniqueness", "  @@unique([postId, seq])", "  @@index([postId, seq])", /index Comment_postId_seq_key: created by the migrations/],
      [
        "uniqueness under the same name",
        "  @@unique([postId, seq])",
        '  @@index([postId, seq], map: "Comment_postId_seq_key")',
        /index Comment_postId_seq_key: .*"unique":false/,
      ],
      [
        "an index method",
        "  @@index([createdAt])\n}\n\nmodel Category",
        "  @@index([createdAt], type: Hash)\n}\n\nmodel Category",
        /index User_createdAt_idx: .*"method":"hash"/,
      ],
      [
        "a field-level @unique",
        '  name        String\n  description String   @default("")',
        '  name        String   @unique\n  description String   @default("")',
        /index Category_name_key: in schema/,
      ],
      [
        "onDelete",
        "references: [id], onDelete: Cascade)\n  author User",
        "references: [id], onDelete: Restrict)\n  author User",
        /foreign key Comment_postId_fkey: .*Restrict/,
      ],
      [
        "a new relation",
        "  resolvedById String?      @db.Uuid",
        '  resolvedById String?      @db.Uuid\n  resolvedBy User? @relation("resolver", fields: [resolvedById], references: [id])',
        /foreign key Report_resolvedById_fkey: in schema/,
      ],
    ];
    it.each(cases)("%s", (_what, from, to, message) => {
      let schema = SCHEMA;
      // A new relation needs its back-relation on User to be a valid schema.
      if (String(message).includes("resolvedById"))
        schema = schema.replace(
          '  reports       Report[]           @relation("reporter")',
          '  reports       Report[]           @relation("reporter")\n  resolved      Report[]           @relation("resolver")',
        );
      const changed = schema.replace(from, to);
      expect(changed, "the edit did not apply").not.toBe(schema);
      const differences = compareShapes(expectedShape(prismaDatamodel(changed)), migrated);
      expect(differences.join("\n")).toMatch(message);
    });

    it("a column the migrations add that the schema lacks", async () => {
      await client.query("BEGIN");
      try {
        await client.query(`ALTER TABLE "Post" ADD COLUMN "sneaky" text`);
        await client.query(`CREATE TABLE "Stray" (id int)`);
        const differences = compareShapes(expectedShape(prismaDatamodel(SCHEMA)), await actualShape(client));
        expect(differences).toEqual([
          "table Stray: created by the migrations, not in schema.prisma",
          "column Post.sneaky: created by the migrations, not in schema.prisma",
        ]);
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });
});

describe("the migration applier", () => {
  const dirs = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it("records each migration in _prisma_migrations as Prisma does: sha256 checksum, finished", async () => {
    const { rows } = await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const r of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.finished_at.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
      expect(r.logs).toBeNull();
    }
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    expect(await migrate(db.url)).toEqual([]);
    expect(await actualShape(client)).toEqual(migrated);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows[0].n).toBe(dirs.length);
  });

  it("two appliers racing on a fresh database apply each migration once", async () => {
    const fresh = await createDatabaseOn(serverUrl, "parley_race");
    try {
      const [a, b] = await Promise.all([migrate(fresh.url), migrate(fresh.url)]);
      expect([...a, ...b].sort()).toEqual(dirs);
      const check = new pg.Client({ connectionString: fresh.url });
      await check.connect();
      try {
        const { rows } = await check.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
        expect(rows.map((r) => r.migration_name)).toEqual(dirs);
      } finally {
        await check.end();
      }
    } finally {
      await fresh.stop();
    }
  });
});
