import { randomUUID } from "node:crypto";
import type { RedisClientType } from "redis";
import type { UserRef } from "../dto";
import type { PresenceStore } from "./presence";

const USERS = "presence:users"; // hash userId -> JSON user
const socketsOf = (userId: string) => `presence:user:${userId}`; // set of nodeId|socketId
const GUESTS = "presence:guests"; // set of nodeId|socketId
const NODES = "presence:nodes"; // set of nodeIds
const alive = (nodeId: string) => `presence:alive:${nodeId}`;
const HEARTBEAT_MS = 10_000;

/**
 * Presence shared by every node through Redis. Each member is a set of `node|socket` ids;
 * the member is online while the set is non-empty. Nodes heartbeat; the entries of a node
 * that died without cleaning up are swept by the survivors.
 */
export function createRedisPresence(redis: RedisClientType): PresenceStore {
  const nodeId = randomUUID();
  const local = new Map<string, string>(); // socketId -> userId ("" for guests)
  const member = (socketId: string) => `${nodeId}|${socketId}`;

  async function beat() {
    await redis
      .multi()
      .sAdd(NODES, nodeId)
      .set(alive(nodeId), "1", { PX: HEARTBEAT_MS * 3 })
      .exec();
    for (const node of await redis.sMembers(NODES)) {
      if (node !== nodeId && !(await redis.exists(alive(node)))) await sweep(node);
    }
  }

  async function sweep(node: string) {
    const prefix = `${node}|`;
    for await (const keys of redis.scanIterator({ MATCH: "presence:user:*", COUNT: 200 })) {
      for (const key of ([] as string[]).concat(keys)) {
        const dead = (await redis.sMembers(key)).filter((m) => m.startsWith(prefix));
        if (dead.length) await redis.sRem(key, dead);
        if ((await redis.sCard(key)) === 0) await redis.hDel(USERS, key.slice("presence:user:".length));
      }
    }
    const deadGuests = (await redis.sMembers(GUESTS)).filter((m) => m.startsWith(prefix));
    if (deadGuests.length) await redis.sRem(GUESTS, deadGuests);
    await redis.sRem(NODES, node);
  }

  const timer = setInterval(() => void beat().catch(() => {}), HEARTBEAT_MS);
  timer.unref();
  void beat().catch(() => {});

  return {
    async add(user: UserRef, socketId: string) {
      local.set(socketId, user.id);
      const [added, size] = await redis.multi().sAdd(socketsOf(user.id), member(socketId)).sCard(socketsOf(user.id)).exec();
      await redis.hSet(USERS, user.id, JSON.stringify(user));
      return Number(added) === 1 && Number(size) === 1;
    },
    async remove(userId: string, socketId: string) {
      local.delete(socketId);
      const [removed, size] = await redis.multi().sRem(socketsOf(userId), member(socketId)).sCard(socketsOf(userId)).exec();
      if (Number(size) === 0) await redis.hDel(USERS, userId);
      return Number(removed) === 1 && Number(size) === 0;
    },
    async addGuest(socketId: string) {
      local.set(socketId, "");
      await redis.sAdd(GUESTS, member(socketId));
    },
    async removeGuest(socketId: string) {
      local.delete(socketId);
      await redis.sRem(GUESTS, member(socketId));
    },
    async snapshot() {
      const [all, guests] = await Promise.all([redis.hGetAll(USERS), redis.sCard(GUESTS)]);
      const users = Object.values(all)
        .map((v) => JSON.parse(v) as UserRef)
        .sort((a, b) => a.username.localeCompare(b.username));
      const multi = redis.multi();
      for (const u of users) multi.sCard(socketsOf(u.id));
      const counts = users.length ? await multi.exec() : [];
      const sockets = counts.reduce((n: number, c) => n + Number(c), guests);
      return { count: users.length, users, guests, sockets };
    },
    async counts() {
      const [count, guests] = await Promise.all([redis.hLen(USERS), redis.sCard(GUESTS)]);
      return { count: Number(count), guests: Number(guests) };
    },
    async clearNode() {
      for (const [socketId, userId] of [...local]) {
        if (userId) await this.remove(userId, socketId);
        else await this.removeGuest(socketId);
      }
      await redis.multi().sRem(NODES, nodeId).del(alive(nodeId)).exec();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
