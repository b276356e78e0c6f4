import { afterAll, beforeAll } from "vitest";
import { startNode, type RunningNode } from "./harness";
import { closeAllSockets } from "./sockets";

/**
 * Two production nodes on one database and one Redis, started before the calling describe
 * block's tests and stopped after them. Read `nodes.a` / `nodes.b` inside tests.
 */
export function useTwoNodes(databaseUrl: string, redisUrl: string) {
  const nodes = {} as { a: RunningNode; b: RunningNode };
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl };
    [nodes.a, nodes.b] = await Promise.all([startNode({ databaseUrl, env }), startNode({ databaseUrl, env })]);
  });
  afterAll(async () => {
    closeAllSockets();
    await Promise.all([nodes.a?.stop(), nodes.b?.stop()]);
  });
  return nodes;
}
