import { z } from "zod";
import { isStaff } from "../dto";
import { AppError, unauthenticated } from "../errors";
import { parseWith } from "../http/request";
import type { Services } from "../services";
import { withAck } from "./ack";
import { MAX_ROOMS_PER_SOCKET, staffTwin, ZRoom } from "./rooms";
import type { ParleySocket } from "./types";

const ZRoomInput = z.object({ room: ZRoom });
const ZTyping = z.object({ postId: z.string().uuid() });
const ZDelivered = z.object({ ids: z.array(z.string().uuid()).min(1).max(100) });

export interface RoomHooks {
  /** A socket entered or left a room (presence snapshot, viewer counts). */
  joined(socket: ParleySocket, room: string): void;
  left(socket: ParleySocket, room: string): void;
  /** Per-socket event budget; throws RATE_LIMITED. */
  spend(socket: ParleySocket): Promise<void>;
  /** After joining a room, before the ack: e.g. the post's comment lane starts (ordering.ts). */
  watching?(room: string): Promise<void>;
}

/** subscribe / unsubscribe / typing / notification:delivered: validate → service → ack. */
export function registerRoomHandlers(socket: ParleySocket, services: Services, hooks: RoomHooks) {
  /** The room exists and its content is visible to this user. */
  async function authorize(room: string) {
    const user = socket.data.user;
    if (room.startsWith("category:")) await services.categories.get(room.slice("category:".length));
    if (room.startsWith("post:")) await services.posts.assertVisible(room.slice("post:".length), user);
  }

  socket.on("subscribe", (payload, ack) =>
    withAck(ack, async () => {
      await hooks.spend(socket);
      const { room } = parseWith(ZRoomInput, payload);
      if (!socket.data.rooms.has(room)) {
        if (socket.data.rooms.size >= MAX_ROOMS_PER_SOCKET)
          throw new AppError("RATE_LIMITED", `at most ${MAX_ROOMS_PER_SOCKET} rooms per connection`);
        await authorize(room);
        socket.data.rooms.add(room);
        await socket.join(isStaff(socket.data.user) ? [room, staffTwin(room)] : room);
        await hooks.watching?.(room);
      }
      hooks.joined(socket, room);
      return { room };
    }),
  );

  socket.on("unsubscribe", (payload, ack) =>
    withAck(ack, async () => {
      const { room } = parseWith(ZRoomInput, payload);
      if (socket.data.rooms.delete(room)) {
        await socket.leave(room);
        await socket.leave(staffTwin(room));
        hooks.left(socket, room);
      }
      return { room };
    }),
  );

  socket.on("typing", (payload, ack) =>
    withAck(ack, async () => {
      const user = socket.data.user;
      if (!user) throw unauthenticated();
      await hooks.spend(socket);
      const { postId } = parseWith(ZTyping, payload);
      const room = `post:${postId}`;
      if (!socket.data.rooms.has(room)) throw new AppError("FORBIDDEN", "subscribe to the post first");
      // socket.to() leaves the typist out.
      socket.to(room).emit("typing", { postId, user: { id: user.id, username: user.username, avatarUrl: user.avatarUrl } });
      return {};
    }),
  );

  socket.on("notification:delivered", (payload, ack) =>
    withAck(ack, async () => {
      await hooks.spend(socket);
      const { ids } = parseWith(ZDelivered, payload);
      await services.notifications.markDelivered(socket.data.user, ids);
      return {};
    }),
  );
}
