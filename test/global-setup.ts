import type { TestProject } from "vitest/node";
import { assertProductionBuild, startDatabase, startNode } from "./harness";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared test node, e.g. http://127.0.0.1:41234 */
    origin: string;
    /** Its database (also writable directly by tests through test/direct-db.ts). */
    databaseUrl: string;
    /** Its NEXTAUTH_SECRET, for minting session tokens. */
    secret: string;
    /** Where it writes mail (.eml files). */
    mailDir: string;
  }
}

/** One database and one production node for the whole run; tests reach them through inject(). */
export default async function setup(project: TestProject) {
  assertProductionBuild();
  const database = await startDatabase();
  let node;
  try {
    node = await startNode({ databaseUrl: database.url });
  } catch (err) {
    await database.stop();
    throw err;
  }
  project.provide("origin", node.origin);
  project.provide("databaseUrl", database.url);
  project.provide("secret", node.secret);
  project.provide("mailDir", node.mailDir);
  return async () => {
    await node.stop();
    await database.stop();
  };
}
