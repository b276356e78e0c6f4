// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { startDatabase } from "../db/database";
import { migrate } from "../db/migrate";

const db = await startDatabase();
try {
  const applied = await migrate(db.url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await db.stop();
}
