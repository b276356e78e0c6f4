import { env } from "../env";
import type { ParleyServer, ParleySocket } from "./types";
import { userRoom } from "./rooms";

/** Open sockets allowed on one node: per member, and per client address for visitors. */
export const SOCKET_CAPS = { perMember: 10, perGuestAddress: 20 } as const;

/**
 * Connection caps, checked at the handshake (a refused one gets `connect_error` with message
 * `rate_limited`). Each socket brings its own event budget (budget.ts), so without a cap one
 * client could multiply it. Counted per node: behind a balancer with sticky sessions a
 * client's sockets land on one node. Scaled by RATE_LIMIT_SCALE like every limit.
 */
export function createSocketCaps(io: ParleyServer) {
  const scale = env.RATE_LIMIT_SCALE;
  const guestsByAddress = new Map<string, number>();
  return {
    /** Whether one more socket fits for this (already authenticated) socket's user or address. */
    admits(socket: ParleySocket): boolean {
      const user = socket.data.user;
      if (user) return (io.of("/").adapter.rooms.get(userRoom(user.id))?.size ?? 0) < SOCKET_CAPS.perMember * scale;
      return (guestsByAddress.get(socket.data.address ?? "") ?? 0) < SOCKET_CAPS.perGuestAddress * scale;
    },
    connected(socket: ParleySocket) {
      if (socket.data.user) return;
      const key = socket.data.address ?? "";
      guestsByAddress.set(key, (guestsByAddress.get(key) ?? 0) + 1);
    },
    disconnected(socket: ParleySocket) {
      if (socket.data.user) return;
      const key = socket.data.address ?? "";
      const n = (guestsByAddress.get(key) ?? 1) - 1;
      if (n > 0) guestsByAddress.set(key, n);
      else guestsByAddress.delete(key);
    },
  };
}

export type SocketCaps = ReturnType<typeof createSocketCaps>;
