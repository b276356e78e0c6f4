import { z } from "zod";
import { isStaff } from "../dto";
import { AppError, unauthenticated } from "../errors";
import { parseWith } from "../http/request";
import type { Services } from "../services";
import { withAck } from "./ack";
import { MAX_ROOMS_PER_SOCKET, staffTwin, ZRoom } from "./rooms";
import type { ParleySocket } from "./types";
import type { ClientToServerEvents } from "./events";

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

/**
 * A handler shared by every socket: Socket.IO calls listeners with the socket as `this`, so
 * one function per server serves them all (a socket keeps a reference, not a closure).
 */
export function shared<E extends keyof ClientToServerEvents>(
  handle: (socket: ParleySocket, ...args: Parameters<ClientToServerEvents[E]>) => unknown,
) {
  return function (this: ParleySocket, ...args: Parameters<ClientToServerEvents[E]>) {
    void handle(this, ...args);
  };
}

/**
 * subscribe / unsubscribe / typing / notification:delivered: validate → service → ack.
 * The handlers are built once per server and shared by every socket (Socket.IO calls them
 * with the socket as `this`): a socket holds references to them, not closures of its own.
 */
export function createRoomHandlers(services: Services, hooks: RoomHooks) {
  // Subscribes to one post arriving together (a join storm) share one visibility read: it
  // depends only on whether the viewer is staff. Nothing is kept once the read has answered.
  const checking = new Map<string, Promise<void>>();
  function postVisible(postId: string, user: ParleySocket["data"]["user"]) {
    const key = `${postId}:${isStaff(user) ? "staff" : "public"}`;
    let check = checking.get(key);
    if (!check) {
      check = services.posts.assertVisible(postId, user).finally(() => checking.delete(key));
      checking.set(key, check);
    }
    return check;
  }

  /** The room exists and its content is visible to this user. */
  async function authorize(socket: ParleySocket, room: string) {
    const user = socket.data.user;
    if (room.startsWith("category:")) await services.categories.get(room.slice("category:".length));
    if (room.startsWith("post:")) await postVisible(room.slice("post:".length), user);
  }

  const subscribe = shared<"subscribe">((socket, payload, ack) =>
    withAck(ack, async () => {
      await hooks.spend(socket);
      const { room } = parseWith(ZRoomInput, payload);
      if (!socket.data.rooms.has(room)) {
        if (socket.data.rooms.size >= MAX_ROOMS_PER_SOCKET)
          throw new AppError("RATE_LIMITED", `at most ${MAX_ROOMS_PER_SOCKET} rooms per connection`);
        await authorize(socket, room);
        socket.data.rooms.add(room);
        await socket.join(isStaff(socket.data.user) ? [room, staffTwin(room)] : room);
        await hooks.watching?.(room);
      }
      hooks.joined(socket, room);
      return { room };
    }),
  );

  const unsubscribe = shared<"unsubscribe">((socket, payload, ack) =>
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

  const typing = shared<"typing">((socket, payload, ack) =>
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

  const delivered = shared<"notification:delivered">((socket, payload, ack) =>
    withAck(ack, async () => {
      await hooks.spend(socket);
      const { ids } = parseWith(ZDelivered, payload);
      await services.notifications.markDelivered(socket.data.user, ids);
      return {};
    }),
  );

  return {
    /** Registers the shared handlers on one socket. */
    register(socket: ParleySocket) {
      socket.on("subscribe", subscribe);
      socket.on("unsubscribe", unsubscribe);
      socket.on("typing", typing);
      socket.on("notification:delivered", delivered);
    },
  };
}
