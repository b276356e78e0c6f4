import type { RedisClientType } from "redis";

const minuteKey = (minute: number) => `stats:events:${minute}`;

/**
 * Counts published events per minute, over all nodes when Redis is there. "Events per
 * minute" is the last full minute plus the current one, scaled to 60 s.
 */
export function createEventCounter(redis?: RedisClientType) {
  const local = new Map<number, number>();
  const minute = () => Math.floor(Date.now() / 60_000);
  return {
    record() {
      const m = minute();
      if (redis) {
        void redis
          .multi()
          .incr(minuteKey(m))
          .expire(minuteKey(m), 180)
          .exec()
          .catch(() => {});
        return;
      }
      local.set(m, (local.get(m) ?? 0) + 1);
      for (const k of local.keys()) if (k < m - 2) local.delete(k);
    },
    async perMinute(): Promise<number> {
      const m = minute();
      const [prev, cur] = redis
        ? (await redis.mGet([minuteKey(m - 1), minuteKey(m)])).map((v) => Number(v ?? 0))
        : [local.get(m - 1) ?? 0, local.get(m) ?? 0];
      const into = (Date.now() % 60_000) / 60_000;
      return Math.round(prev * (1 - into) + cur);
    },
  };
}
