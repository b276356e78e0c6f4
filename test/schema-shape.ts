import { createRequire } from "node:module";
import type pg from "pg";

/**
 * The database shape two ways: as Prisma's schema says it should be (through Prisma's own
 * schema parser, the wasm build of prisma-fmt, offline) and as PostgreSQL says it is. The
 * drift test compares them, so hand-written migrations cannot silently disagree with
 * schema.prisma. Both sides use Prisma's default names (`User_email_key`, `Post_pkey`, ...).
 */
export interface Column {
  type: string;
  nullable: boolean;
  default: string | null;
}
export interface SchemaShape {
  tables: Record<string, Record<string, Column>>;
  enums: Record<string, string[]>;
  /** Keyed by constraint/index name. Columns carry " DESC" when sorted descending. */
  primaryKeys: Record<string, { table: string; columns: string[] }>;
  indexes: Record<string, { table: string; columns: string[]; unique: boolean; method: string }>;
  foreignKeys: Record<
    string,
    { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string; onUpdate: string }
  >;
}

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { name: string | null; fields: string[] } | null };
type DmmfIndex = {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};
export interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
  indexes: DmmfIndex[];
}

/** schema.prisma's datamodel as Prisma understands it (errors in the schema throw). */
export function prismaDatamodel(schema: string): Datamodel {
  const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]], noColor: true })));
  return dmmf.datamodel;
}

// Prisma's PostgreSQL defaults for scalar types without a native type attribute.
const SCALAR: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
function nativeType([name, args]: [string, string[]]): string {
  const a = args.length ? `(${args.join(",")})` : "";
  const known: Record<string, string> = {
    Uuid: "uuid",
    Text: "text",
    VarChar: `character varying${a}`,
    Char: `character${a}`,
    Integer: "integer",
    SmallInt: "smallint",
    BigInt: "bigint",
    Real: "real",
    DoublePrecision: "double precision",
    Decimal: `numeric${a}`,
    Boolean: "boolean",
    Timestamp: `timestamp${a || "(3)"} without time zone`,
    Timestamptz: `timestamp${a || "(3)"} with time zone`,
    Date: "date",
    Json: "json",
    JsonB: "jsonb",
    ByteA: "bytea",
    Inet: "inet",
    Citext: "citext",
  };
  if (!(name in known)) throw new Error(`the drift check does not know @db.${name} yet: teach test/schema-shape.ts`);
  return known[name];
}

const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);
function expectedDefault(f: DmmfField, enumDbName: (n: string) => string, type: string): string | null {
  if (!f.hasDefaultValue) return null;
  const d = f.default as { name?: string; args?: unknown[] } | string | number | boolean;
  if (typeof d === "object" && d !== null && "name" in d) {
    if (CLIENT_SIDE_DEFAULTS.has(d.name!)) return null;
    if (d.name === "now") return "CURRENT_TIMESTAMP";
    if (d.name === "autoincrement") return "nextval(...)";
    if (d.name === "dbgenerated") return String(d.args?.[0] ?? "");
    throw new Error(`the drift check does not know @default(${d.name}()) yet`);
  }
  if (typeof d === "boolean" || typeof d === "number") return String(d);
  const literal = `'${String(d).replace(/'/g, "''")}'`;
  return f.kind === "enum" ? `${literal}::"${enumDbName(f.type)}"` : `${literal}::${type}`;
}

const ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
const limitName = (n: string) => n.slice(0, 63); // PostgreSQL's identifier limit, as Prisma truncates

/** The shape `prisma migrate` would create for this datamodel on PostgreSQL. */
export function expectedShape(dm: Datamodel): SchemaShape {
  const shape: SchemaShape = { tables: {}, enums: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };
  const model = (name: string) => dm.models.find((m) => m.name === name)!;
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const col = (m: DmmfModel, field: string) => {
    const f = m.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const enumDbName = (n: string) => dm.enums.find((e) => e.name === n)?.dbName ?? n;
  for (const e of dm.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  for (const m of dm.models) {
    const table = tableOf(m);
    const columns: Record<string, Column> = {};
    for (const f of m.fields) {
      if (f.kind === "object") continue;
      let type = f.nativeType ? nativeType(f.nativeType) : f.kind === "enum" ? enumDbName(f.type) : SCALAR[f.type];
      if (!type) throw new Error(`the drift check does not know the Prisma type ${f.type} yet`);
      const base = type;
      if (f.isList) type += "[]";
      columns[f.dbName ?? f.name] = { type, nullable: !f.isRequired && !f.isList, default: expectedDefault(f, enumDbName, base) };
    }
    shape.tables[table] = columns;
    const idFields = m.primaryKey?.fields ?? m.fields.filter((f) => f.isId).map((f) => f.name);
    if (idFields.length) shape.primaryKeys[m.primaryKey?.name ?? `${table}_pkey`] = { table, columns: idFields.map((f) => col(m, f)) };
    for (const f of m.fields) {
      if (f.kind !== "object" || !f.relationFromFields?.length) continue;
      const from = f.relationFromFields.map((x) => col(m, x));
      const target = model(f.type);
      const required = f.relationFromFields.every((x) => m.fields.find((y) => y.name === x)!.isRequired);
      shape.foreignKeys[limitName(`${table}_${from.join("_")}_fkey`)] = {
        table,
        columns: from,
        refTable: tableOf(target),
        refColumns: f.relationToFields!.map((x) => col(target, x)),
        onDelete: f.relationOnDelete ?? (required ? "Restrict" : "SetNull"),
        onUpdate: f.relationOnUpdate ?? "Cascade",
      };
    }
  }
  for (const i of dm.indexes) {
    if (i.type === "id") continue;
    const m = model(i.model);
    const table = tableOf(m);
    const cols = i.fields.map((f) => col(m, f.name));
    const unique = i.type === "unique";
    const name = i.dbName ?? limitName(`${table}_${cols.join("_")}_${unique ? "key" : "idx"}`);
    shape.indexes[name] = {
      table,
      columns: i.fields.map((f, k) => cols[k] + (f.sortOrder === "desc" ? " DESC" : "")),
      unique,
      method: (i.algorithm ?? "BTree").toLowerCase(),
    };
  }
  return shape;
}

/** What PostgreSQL has in the `public` schema, leaving out Prisma's `_prisma_migrations`. */
export async function actualShape(db: pg.ClientBase | pg.Pool): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };
  const q = async <R extends pg.QueryResultRow>(sql: string) => (await db.query<R>(sql)).rows;
  const PUBLIC_TABLES = `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`;
  for (const r of await q<{ table: string }>(`SELECT relname AS table FROM pg_class WHERE oid IN (${PUBLIC_TABLES})`))
    shape.tables[r.table] = {};
  const columns = await q<{ table: string; column: string; type: string; notnull: boolean; default: string | null }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
           pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.oid IN (${PUBLIC_TABLES}) AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const c of columns) {
    const def = c.default?.startsWith("nextval(") ? "nextval(...)" : c.default;
    shape.tables[c.table][c.column] = { type: c.type.replace(/"/g, ""), nullable: !c.notnull, default: def };
  }
  const enums = await q<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  for (const e of enums) shape.enums[e.name] = e.labels;
  const indexes = await q<{ table: string; name: string; unique: boolean; primary: boolean; method: string; columns: string[] }>(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
      array(SELECT a.attname || CASE WHEN (k.opt & 1) = 1 THEN ' DESC' ELSE '' END
            FROM unnest(ix.indkey::int2[], ix.indoption::int2[]) WITH ORDINALITY AS k(attnum, opt, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_am am ON am.oid = i.relam
    WHERE t.oid IN (${PUBLIC_TABLES})`);
  for (const i of indexes) {
    if (i.primary) shape.primaryKeys[i.name] = { table: i.table, columns: i.columns };
    else shape.indexes[i.name] = { table: i.table, columns: i.columns, unique: i.unique, method: i.method };
  }
  const fks = await q<{
    name: string;
    table: string;
    columns: string[];
    refTable: string;
    refColumns: string[];
    del: string;
    upd: string;
  }>(`
    SELECT con.conname AS name, t.relname AS table, rt.relname AS "refTable", con.confdeltype AS del, con.confupdtype AS upd,
      array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.ord) AS columns,
      array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.ord) AS "refColumns"
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
    WHERE con.contype = 'f' AND t.oid IN (${PUBLIC_TABLES})`);
  for (const f of fks)
    shape.foreignKeys[f.name] = {
      table: f.table,
      columns: f.columns,
      refTable: f.refTable,
      refColumns: f.refColumns,
      onDelete: ACTIONS[f.del],
      onUpdate: ACTIONS[f.upd],
    };
  return shape;
}

/** Every difference, in words; empty when the database matches the schema. */
export function compareShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const both = <T>(label: (k: string) => string, e: Record<string, T>, a: Record<string, T>, inner?: (k: string, e: T, a: T) => void) => {
    for (const k of Object.keys(e)) if (!(k in a)) out.push(`${label(k)}: in schema.prisma, missing from the migrations`);
    for (const k of Object.keys(a)) if (!(k in e)) out.push(`${label(k)}: created by the migrations, not in schema.prisma`);
    for (const k of Object.keys(e)) {
      if (!(k in a)) continue;
      if (inner) inner(k, e[k], a[k]);
      else if (JSON.stringify(e[k]) !== JSON.stringify(a[k]))
        out.push(`${label(k)}: schema.prisma says ${JSON.stringify(e[k])}, the migrations made ${JSON.stringify(a[k])}`);
    }
  };
  both(
    (t) => `table ${t}`,
    expected.tables,
    actual.tables,
    (t, e, a) => both((c) => `column ${t}.${c}`, e, a),
  );
  both((k) => `enum ${k}`, expected.enums, actual.enums);
  both((k) => `primary key ${k}`, expected.primaryKeys, actual.primaryKeys);
  both((k) => `index ${k}`, expected.indexes, actual.indexes);
  both((k) => `foreign key ${k}`, expected.foreignKeys, actual.foreignKeys);
  return out;
}
