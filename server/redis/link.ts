import { createClient, type RedisClientType } from "redis";
import { childLogger } from "../logger";

const log = childLogger("redis");

/** `off`: no REDIS_URL (one node); `down`: configured but unreachable right now. */
export type RedisState = "ok" | "down" | "off";

/** What the rest of Parley may know about the link: its state and its outages. */
export interface RedisStatus {
  state(): RedisState;
  /** Outages so far, and seconds spent down (the current outage included). */
  outages(): { count: number; seconds: number };
}

export interface RedisLink extends RedisStatus {
  /**
   * For the request path (rate limits, presence, event counts): no offline queue and a short
   * command timeout, so while Redis is away a command fails at once instead of holding the
   * request until Redis returns (what made writes stall for the length of an outage).
   */
  commands: RedisClientType;
  /**
   * For the Socket.IO adapter. It keeps node-redis's offline queue: the adapter's stream
   * reader (a duplicate of this client) would otherwise spin on XREAD while Redis is away.
   * The adapter stops publishing through it while the link is down (realtime/adapter.ts).
   */
  adapter: RedisClientType;
  isUp(): boolean;
  /** Called each time Redis becomes reachable again after an outage. */
  onRecovered(fn: () => void): void;
  close(): Promise<void>;
}

/** Reconnects quickly at first, then every 2 s at most, with jitter. */
const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);

export async function connectRedis(url: string, { commandTimeoutMs = 500, startWaitMs = 5000 } = {}): Promise<RedisLink> {
  const socket = { connectTimeout: 2000, reconnectStrategy };
  const commands: RedisClientType = createClient({ url, socket, disableOfflineQueue: true, commandOptions: { timeout: commandTimeoutMs } });
  const adapter: RedisClientType = createClient({ url, socket });

  let up = false;
  let everUp = false;
  let downSince: number | null = null;
  let count = 0;
  let downMs = 0;
  const recovered: (() => void)[] = [];

  function update() {
    const now = commands.isReady && adapter.isReady;
    if (now === up) return;
    up = now;
    if (now) {
      if (downSince !== null) {
        downMs += Date.now() - downSince;
        log.info({ downMs: Date.now() - downSince }, "Redis is back: cross-node delivery and shared limits resume");
        downSince = null;
        for (const fn of recovered) fn();
      } else if (!everUp) log.info("connected to Redis: multi-node mode");
      everUp = true;
    } else if (everUp) {
      count++;
      downSince = Date.now();
      log.warn("Redis unreachable: serving this node's sockets, per-node rate limits and presence until it returns");
    }
  }
  for (const client of [commands, adapter]) {
    client.on("ready", update);
    client.on("end", update);
    client.on("reconnecting", update);
    client.on("error", (err: Error) => {
      update();
      log.debug({ err }, "redis error");
    });
  }

  // A node starts even while Redis is away: it serves its own sockets until Redis answers.
  const connecting = Promise.all([commands.connect(), adapter.connect()]);
  connecting.catch(() => {});
  const started = await Promise.race([
    connecting.then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), startWaitMs).unref()),
  ]);
  if (!started) {
    log.warn({ url: new URL(url).host }, "Redis is not answering yet: starting without it");
    count++;
    downSince = Date.now();
    everUp = true;
  }

  return {
    commands,
    adapter,
    isUp: () => up,
    state: () => (up ? "ok" : "down"),
    outages: () => ({ count, seconds: (downMs + (downSince === null ? 0 : Date.now() - downSince)) / 1000 }),
    onRecovered: (fn) => void recovered.push(fn),
    async close() {
      // close() lets replies arrive; a client that is not connected is just dropped (its
      // offline queue would wait for a Redis that may not come back).
      const end = async (c: RedisClientType) => (c.isReady ? c.close() : c.destroy());
      await Promise.allSettled([end(commands), end(adapter)]);
    },
  };
}
