import type { BroadcastOperator } from "socket.io";
import type { Comment, Post } from "../dto";
import { viewFor } from "../presenters";
import type { Publisher } from "./publisher";
import type { ServerToClientEvents } from "./events";
import { STAFF_ROOM, staffTwin, userRoom } from "./rooms";
import type { ParleyServer, SocketData } from "./types";
import { createSequencer } from "./sequencer";

type Op = BroadcastOperator<ServerToClientEvents, SocketData>;

/** Non-staff never see the `hidden` field. */
const publicView = <T extends { hidden?: boolean }>(entity: T): T => viewFor(entity, false);

/**
 * The Publisher over Socket.IO: every event goes to rooms, never to sockets one by one, and
 * each emit is serialized once by the adapter. Staff sockets sit in a twin of every room
 * they subscribe to, so the staff view and the public view are two emits per event at most.
 */
export function createBroadcaster(io: ParleyServer, deps: { onEmit: () => void }): Publisher {
  /** Emits the public variant to everyone in `rooms` except staff, and the staff variant to staff. */
  function split(rooms: string[], toPublic: ((op: Op) => void) | null, toStaff: (op: Op) => void) {
    deps.onEmit();
    if (toPublic) toPublic(io.to(rooms).except(rooms.map(staffTwin)));
    toStaff(io.to(rooms.map(staffTwin)));
  }
  // Readers catch up with after=<last seq seen>, so a post's comments go out in seq order.
  const inSeqOrder = createSequencer<Comment>(
    (comment) =>
      split(
        [`post:${comment.postId}`],
        comment.hidden ? null : (op) => op.emit("comment:created", { comment: publicView(comment) }),
        (op) => op.emit("comment:created", { comment }),
      ),
    (comment) => comment.seq,
  );
  const postRooms = (post: { id: string; category: { slug: string } }) => ["forum", `category:${post.category.slug}`, `post:${post.id}`];

  return {
    postCreated(post: Post) {
      const rooms = ["forum", `category:${post.category.slug}`];
      split(rooms, post.hidden ? null : (op) => op.emit("post:created", { post: publicView(post) }), (op) =>
        op.emit("post:created", { post }),
      );
    },
    postUpdated(post: Post) {
      split(
        postRooms(post),
        (op) => (post.hidden ? op.emit("post:deleted", { id: post.id }) : op.emit("post:updated", { post: publicView(post) })),
        (op) => op.emit("post:updated", { post }),
      );
    },
    postActivity(post: Post) {
      const rooms = ["forum", `category:${post.category.slug}`];
      split(rooms, post.hidden ? null : (op) => op.emit("post:updated", { post: publicView(post) }), (op) =>
        op.emit("post:updated", { post }),
      );
    },
    postDeleted({ id, categorySlug }) {
      deps.onEmit();
      io.to(postRooms({ id, category: { slug: categorySlug } })).emit("post:deleted", { id });
    },
    commentCreated(comment: Comment) {
      inSeqOrder.push(comment.postId, comment);
    },
    commentUpdated(comment: Comment) {
      split(
        [`post:${comment.postId}`],
        (op) =>
          comment.hidden
            ? op.emit("comment:deleted", { id: comment.id, postId: comment.postId })
            : op.emit("comment:updated", { comment: publicView(comment) }),
        (op) => op.emit("comment:updated", { comment }),
      );
    },
    commentDeleted({ id, postId }) {
      deps.onEmit();
      io.to(`post:${postId}`).emit("comment:deleted", { id, postId });
    },
    notify(userId, notification) {
      deps.onEmit();
      io.to(userRoom(userId)).emit("notification", { notification });
    },
    reportChanged({ reportId, openCount }) {
      deps.onEmit();
      io.to(STAFF_ROOM).emit("report:changed", { reportId, openCount });
    },
    disconnectUser(userId) {
      // Reaches the user's sockets on every node through the adapter.
      io.in(userRoom(userId)).disconnectSockets(true);
    },
  };
}
