import type { BroadcastOperator } from "socket.io";
import type { Comment, Post } from "../dto";
import { viewFor } from "../presenters";
import type { Publisher } from "./publisher";
import type { ServerToClientEvents } from "./events";
import { STAFF_ROOM, staffTwin, userRoom } from "./rooms";
import type { ParleyServer, SocketData } from "./types";
import { createOrdering, type CommentFeed, type OrderingOptions } from "./ordering";
import type { AccessControl } from "./access";

type Op = BroadcastOperator<ServerToClientEvents, SocketData>;
/** This node's comment lanes: opened on subscribe, re-read from the database when Redis returns. */
export type Lanes = Pick<ReturnType<typeof createOrdering>, "open" | "resync" | "size" | "stop">;

/** Non-staff never see the `hidden` field. */
const publicView = <T extends { hidden?: boolean }>(entity: T): T => viewFor(entity, false);

export interface BroadcasterDeps {
  /** Called for every emit to rooms. */
  onEmit?: () => void;
  /** Committed comments, for the lanes' gap reads (server/realtime/ordering.ts). */
  feed: CommentFeed;
  /** Observers of the comment lanes (metrics). */
  lanes?: Pick<OrderingOptions, "onFill" | "onError"> & { delivered?(comment: Comment): void };
  /** Access changes and post evictions on this node's sockets (server/realtime/access.ts). */
  access: Pick<AccessControl, "apply" | "evictFromPost">;
  /** Ended sessions are dropped from this node's session cache as their event arrives. */
  sessions?: { forget(ids: readonly string[]): void };
  /** This node's cache of members' access rows: a member whose access or face changed leaves it. */
  users?: { forget(id: string): void };
}

/**
 * The Publisher over Socket.IO: every event goes to rooms, never to sockets one by one, and
 * each emit is serialized once by the adapter. Staff sockets sit in a twin of every room
 * they subscribe to, so the staff view and the public view are two emits per event at most.
 * It emits to this node's sockets only (`io.local`): with several nodes, the relay
 * (server/realtime/relay.ts) hands it what every node publishes, so each node puts a post's
 * comments in seq order itself before they reach its sockets.
 */
export function createBroadcaster(io: ParleyServer, deps: BroadcasterDeps): Publisher & { lanes: Lanes } {
  const local = io.local;
  // Posts hidden since this node started: none of their comments go to non-staff, whatever
  // the comment's own flag (their non-staff watchers were evicted when the post was hidden).
  const hiddenPosts = new Set<string>();
  const publicComment = (comment: Comment) => !comment.hidden && !hiddenPosts.has(comment.postId);
  /** Emits the public variant to everyone in `rooms` except staff, and the staff variant to staff. */
  function split(rooms: string[], toPublic: ((op: Op) => void) | null, toStaff: (op: Op) => void) {
    deps.onEmit?.();
    if (toPublic) toPublic(local.to(rooms).except(rooms.map(staffTwin)));
    toStaff(local.to(rooms.map(staffTwin)));
  }
  // Readers catch up with after=<last seq seen>, so a post's comments go out in seq order.
  const lanes = createOrdering({
    feed: deps.feed,
    watched: (postId) => (io.of("/").adapter.rooms.get(`post:${postId}`)?.size ?? 0) > 0,
    emitCreated(comment) {
      split(
        [`post:${comment.postId}`],
        !publicComment(comment) ? null : (op) => op.emit("comment:created", { comment: publicView(comment) }),
        (op) => op.emit("comment:created", { comment }),
      );
      deps.lanes?.delivered?.(comment);
    },
    emitUpdated(comment) {
      split(
        [`post:${comment.postId}`],
        (op) =>
          !publicComment(comment)
            ? op.emit("comment:deleted", { id: comment.id, postId: comment.postId })
            : op.emit("comment:updated", { comment: publicView(comment) }),
        (op) => op.emit("comment:updated", { comment }),
      );
    },
    emitDeleted({ id, postId }) {
      deps.onEmit?.();
      local.to(`post:${postId}`).emit("comment:deleted", { id, postId });
    },
    onFill: deps.lanes?.onFill,
    onError: deps.lanes?.onError,
  });
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
      if (post.hidden) {
        hiddenPosts.add(post.id);
        deps.access.evictFromPost(post.id, false);
      } else hiddenPosts.delete(post.id);
    },
    postActivity(post: Post) {
      const rooms = ["forum", `category:${post.category.slug}`];
      split(rooms, post.hidden ? null : (op) => op.emit("post:updated", { post: publicView(post) }), (op) =>
        op.emit("post:updated", { post }),
      );
    },
    postDeleted({ id, categorySlug }) {
      deps.onEmit?.();
      local.to(postRooms({ id, category: { slug: categorySlug } })).emit("post:deleted", { id });
      deps.access.evictFromPost(id, true);
    },
    commentCreated(comment: Comment) {
      lanes.created(comment);
    },
    commentUpdated(comment: Comment) {
      lanes.updated(comment);
    },
    commentDeleted(ref) {
      lanes.deleted(ref);
    },
    notify(userId, notification) {
      deps.onEmit?.();
      local.to(userRoom(userId)).emit("notification", { notification });
    },
    reportChanged({ reportId, openCount }) {
      deps.onEmit?.();
      local.to(STAFF_ROOM).emit("report:changed", { reportId, openCount });
    },
    disconnectUser(userId) {
      // The relay brings this to every node; each ends the user's sockets it holds.
      local.in(userRoom(userId)).disconnectSockets(true);
    },
    accessChanged(target) {
      deps.onEmit?.();
      // An ended session leaves this node's session cache at once (server/sessions/session-cache.ts).
      if (target.change.kind === "ended" && target.sessionId) deps.sessions?.forget([target.sessionId]);
      // The database's notification does this too; the relay's copy may be the first to arrive.
      deps.users?.forget(target.userId);
      void deps.access.apply(target).catch(() => {}); // a socket that went meanwhile needs nothing
    },
    categoryChanged() {
      // Nothing goes to sockets: the contract has no category event.
    },
    profileChanged({ userId }) {
      // Nothing goes to sockets either: the contract has no profile event.
      deps.users?.forget(userId);
    },
    lanes,
  };
}
