import { z } from "zod";
import { ZCreateComment } from "../comments/comments.schema";
import { unauthenticated } from "../errors";
import { parseWith } from "../http/request";
import type { Services } from "../services";
import { withAck } from "./ack";
import type { ParleySocket } from "./types";
import { shared } from "./rooms.handlers";

const ZSocketComment = ZCreateComment.extend({ postId: z.string().uuid() }).strict();

/**
 * Writes over the socket: `comment:create` is the same service call as
 * `POST /api/v1/posts/:id/comments`, behind the same validation, the same per-member `comment`
 * rate limit and the same clientId idempotency, and its events go out after commit exactly as
 * an HTTP write's do. The socket's member was checked at the handshake; bans and ended
 * sessions close the socket, so a refused member never reaches this handler.
 */
export function createWriteHandlers(services: Services) {
  // Shared by every socket (called with the socket as `this`): no per-socket closure.
  const create = shared<"comment:create">((socket, payload, ack) =>
    withAck(ack, async () => {
      const user = socket.data.user;
      if (!user) throw unauthenticated();
      await services.limits.consume("comment", `u:${user.id}`);
      const { postId, ...input } = parseWith(ZSocketComment, payload);
      return services.comments.create(user, postId, input);
    }),
  );
  return {
    register(socket: ParleySocket) {
      socket.on("comment:create", create);
    },
  };
}
