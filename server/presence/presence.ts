import type { UserRef } from "../dto";

/**
 * Who is online: a member is online while at least one socket of theirs is connected.
 * The in-memory store serves one node; server/presence/redis.ts shares it between nodes.
 */
export interface PresenceStore {
  /** Returns true when this was the member's first live socket (they just came online). */
  add(user: UserRef, socketId: string): Promise<boolean>;
  /** Returns true when this was the member's last live socket (they just went offline). */
  remove(userId: string, socketId: string): Promise<boolean>;
  addGuest(socketId: string): Promise<void>;
  removeGuest(socketId: string): Promise<void>;
  snapshot(): Promise<{ count: number; users: UserRef[]; guests: number; sockets: number }>;
  /** Members and guests online, without building the member list (for join/leave deltas). */
  counts(): Promise<{ count: number; guests: number }>;
  /** Drops what this node contributed (used at shutdown). */
  clearNode(): Promise<void>;
  /** Stops background work (heartbeats). */
  stop(): void;
}

export function createMemoryPresence(): PresenceStore {
  const sockets = new Map<string, { user: UserRef; ids: Set<string> }>();
  const guests = new Set<string>();
  return {
    async add(user, socketId) {
      const entry = sockets.get(user.id) ?? { user, ids: new Set<string>() };
      const first = entry.ids.size === 0;
      entry.ids.add(socketId);
      sockets.set(user.id, entry);
      return first;
    },
    async remove(userId, socketId) {
      const entry = sockets.get(userId);
      if (!entry || !entry.ids.delete(socketId)) return false;
      if (entry.ids.size > 0) return false;
      sockets.delete(userId);
      return true;
    },
    async addGuest(id) {
      guests.add(id);
    },
    async removeGuest(id) {
      guests.delete(id);
    },
    async snapshot() {
      const users = [...sockets.values()].map((e) => e.user).sort((a, b) => a.username.localeCompare(b.username));
      let n = guests.size;
      for (const e of sockets.values()) n += e.ids.size;
      return { count: users.length, users, guests: guests.size, sockets: n };
    },
    async counts() {
      return { count: sockets.size, guests: guests.size };
    },
    async clearNode() {
      sockets.clear();
      guests.clear();
    },
    stop() {},
  };
}
