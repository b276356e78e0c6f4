import type { PresenceStore } from "../presence/presence";
import type { UserRef } from "../dto";
import { childLogger } from "../logger";
import type { ParleyServer, ParleySocket } from "./types";

const log = childLogger("presence");
const VIEWERS_FLUSH_MS = 500;

/**
 * How long a room's viewer count waits before it is sent again: 0.5 s, or 1 ms per viewer in
 * rooms of more than 500, so a count costs a big room at most ~1,000 packets a second (a join
 * storm on a 5,000-viewer post sends a count every 5 s, not a room-wide burst twice a second).
 */
const viewersPause = (count: number) => Math.max(VIEWERS_FLUSH_MS, count);

/**
 * Who is online and who is viewing which post. Joins and leaves go to `forum` as deltas; a
 * subscriber to `forum` first gets a snapshot. Viewer counts are batched per post room, so
 * a burst of joins costs one count and one emit per room, not one per socket.
 */
export function createPresenceTracker(io: ParleyServer, store: PresenceStore) {
  const dirtyRooms = new Set<string>();
  /** When each recently counted room may be counted again (see viewersPause). */
  const notBefore = new Map<string, number>();
  const flush = setInterval(() => {
    const now = Date.now();
    for (const room of dirtyRooms) {
      if ((notBefore.get(room) ?? 0) > now) continue;
      dirtyRooms.delete(room);
      io.in(room)
        .fetchSockets()
        .then((sockets) => {
          if (sockets.length === 0) notBefore.delete(room);
          else notBefore.set(room, Date.now() + viewersPause(sockets.length) - VIEWERS_FLUSH_MS);
          io.to(room).emit("post:viewers", { postId: room.slice("post:".length), count: sockets.length });
        })
        .catch((err) => log.warn({ err, room }, "viewer count failed"));
    }
  }, VIEWERS_FLUSH_MS);
  flush.unref();

  async function broadcastDelta(type: "join" | "leave", user: UserRef) {
    const { count, guests } = await store.counts();
    io.to("forum").emit("presence", { type, user, count, guests });
  }

  return {
    async connected(socket: ParleySocket) {
      const user = socket.data.user;
      if (!user) return store.addGuest(socket.id);
      const ref = { id: user.id, username: user.username, avatarUrl: user.avatarUrl };
      if (await store.add(ref, socket.id)) await broadcastDelta("join", ref);
    },
    async disconnected(socket: ParleySocket) {
      for (const room of socket.data.rooms ?? []) if (room.startsWith("post:")) dirtyRooms.add(room);
      const user = socket.data.user;
      if (!user) return store.removeGuest(socket.id);
      if (await store.remove(user.id, socket.id)) await broadcastDelta("leave", { id: user.id, username: user.username, avatarUrl: user.avatarUrl });
    },
    async joined(socket: ParleySocket, room: string) {
      if (room === "forum") {
        const { count, users, guests } = await store.snapshot();
        socket.emit("presence", { count, users, guests });
      }
      if (room.startsWith("post:")) dirtyRooms.add(room);
    },
    left(_socket: ParleySocket, room: string) {
      if (room.startsWith("post:")) dirtyRooms.add(room);
    },
    stop() {
      clearInterval(flush);
    },
  };
}
