import { freePort, startDatabase, startNode } from "../test/harness";
import { startTestIdp } from "../test/oidc-provider";

/**
 * One throwaway database and one production Parley node for the browser tests. Their origin
 * reaches the workers through PARLEY_E2E_ORIGIN (Playwright passes globalSetup's env on).
 * The node offers sign-in with a local OpenID provider (test/oidc-provider.ts) on which every
 * login id is an account with a verified `<id>@idp.parley.test` and that id as its username.
 */
export default async function globalSetup() {
  const db = await startDatabase();
  const port = await freePort();
  const idp = await startTestIdp(`http://127.0.0.1:${port}`, {
    name: "Parley ID",
    accountFor: (id) => ({ email: `${id.toLowerCase()}@idp.parley.test`, email_verified: true, preferred_username: id }),
  });
  const node = await startNode({ databaseUrl: db.url, port, env: idp.env });
  process.env.PARLEY_E2E_ORIGIN = node.origin;
  process.env.PARLEY_E2E_DATABASE_URL = db.url;
  // Mail the node writes as .eml files (no SMTP_URL), for tests that follow a mailed link.
  process.env.PARLEY_E2E_MAIL_DIR = node.mailDir;
  return async () => {
    await node.stop();
    await idp.stop();
    await db.stop();
  };
}
