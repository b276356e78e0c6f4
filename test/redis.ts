import { createClient } from "redis";

/**
 * A Redis for multi-node tests: REDIS_URL, else the local default. Each run takes a
 * logical database of its own (1–15) and empties it, so runs never see each other's keys.
 * Resolves to null, with the reason, when no Redis answers.
 */
export async function testRedisUrl(): Promise<{ url: string } | { url: null; reason: string }> {
  const base = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  base.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  const url = base.toString();
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.flushDb();
    return { url };
  } catch (err) {
    return { url: null, reason: `no Redis at ${base.host} (${(err as Error).message}); set REDIS_URL or start redis-server` };
  } finally {
    await client.quit().catch(() => {});
  }
}
