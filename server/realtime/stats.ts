import type { RedisClientType } from "redis";
import type { ParleyServer } from "./types";

const minuteKey = (minute: number) => `stats:events:${minute}`;

/**
 * Counts published events per minute, over all nodes when Redis is there (this node's own
 * count while Redis is away). "Events per minute" is the last full minute plus the current
 * one, scaled to 60 s.
 */
export function createEventCounter(redis?: RedisClientType, isUp: () => boolean = () => Boolean(redis)) {
  const local = new Map<number, number>();
  const minute = () => Math.floor(Date.now() / 60_000);
  const shared = async (m: number) =>
    redis && isUp() ? (await redis.mGet([minuteKey(m - 1), minuteKey(m)])).map((v) => Number(v ?? 0)) : null;
  return {
    record() {
      const m = minute();
      local.set(m, (local.get(m) ?? 0) + 1);
      for (const k of local.keys()) if (k < m - 2) local.delete(k);
      if (redis && isUp())
        void redis
          .multi()
          .incr(minuteKey(m))
          .expire(minuteKey(m), 180)
          .exec()
          .catch(() => {});
    },
    async perMinute(): Promise<number> {
      const m = minute();
      const [prev, cur] = (await shared(m).catch(() => null)) ?? [local.get(m - 1) ?? 0, local.get(m) ?? 0];
      const into = (Date.now() % 60_000) / 60_000;
      return Math.round(prev * (1 - into) + cur);
    },
  };
}

/** This node's sockets and rooms, for the metrics' gauges (rooms by kind, never by name). */
export function createCensus(io: ParleyServer) {
  return {
    sockets() {
      let members = 0;
      let guests = 0;
      for (const socket of io.of("/").sockets.values()) {
        if (socket.data.user) members++;
        else guests++;
      }
      return { members, guests };
    },
    rooms() {
      const { rooms, sids } = io.of("/").adapter;
      const byKind: Record<string, number> = { forum: 0, category: 0, post: 0, user: 0, staff: 0 };
      for (const name of rooms.keys()) {
        if (sids.has(name)) continue; // each socket's own room
        const kind = name.startsWith("staff:") ? "staff" : name.split(":")[0];
        if (kind in byKind) byKind[kind]++;
      }
      return byKind;
    },
  };
}
