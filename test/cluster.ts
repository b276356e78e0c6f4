import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { startNode, type RunningNode } from "./harness";
import { closeAllSockets } from "./sockets";

/**
 * Two production nodes on one database, one Redis and one secret, started before the calling describe
 * block's tests and stopped after them. Read `nodes.a` / `nodes.b` inside tests.
 */
export function useTwoNodes(databaseUrl: string, redisUrl: string) {
  const nodes = {} as { a: RunningNode; b: RunningNode };
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl };
    // As in production, the nodes share NEXTAUTH_SECRET: a cookie from one is valid on the other.
    const secret = randomBytes(32).toString("base64url");
    [nodes.a, nodes.b] = await Promise.all([startNode({ databaseUrl, env, secret }), startNode({ databaseUrl, env, secret })]);
  });
  afterAll(async () => {
    closeAllSockets();
    await Promise.all([nodes.a?.stop(), nodes.b?.stop()]);
  });
  return nodes;
}
