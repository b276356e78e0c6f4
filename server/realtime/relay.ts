import type { Publisher } from "./publisher";
import type { ParleyServer } from "./types";

/** Every Publisher method: the relay forwards exactly these (the check below keeps it whole). */
export const PUBLISHER_METHODS = [
  "postCreated",
  "postUpdated",
  "postDeleted",
  "postActivity",
  "commentCreated",
  "commentUpdated",
  "commentDeleted",
  "notify",
  "reportChanged",
  "disconnectUser",
  "accessChanged",
  "categoryChanged",
  "profileChanged",
] as const satisfies readonly (keyof Publisher)[];
export type PublisherMethod = (typeof PUBLISHER_METHODS)[number];
// A Publisher method missing from PUBLISHER_METHODS fails to compile here.
const everyMethod: Exclude<keyof Publisher, PublisherMethod> extends never ? true : never = true;
void everyMethod;

/** The event each Publisher method becomes on the wire (for metrics). */
export const EVENT_OF: Record<PublisherMethod, string> = {
  postCreated: "post:created",
  postUpdated: "post:updated",
  postDeleted: "post:deleted",
  postActivity: "post:updated",
  commentCreated: "comment:created",
  commentUpdated: "comment:updated",
  commentDeleted: "comment:deleted",
  notify: "notification",
  reportChanged: "report:changed",
  disconnectUser: "disconnect",
  accessChanged: "access",
  categoryChanged: "category",
  profileChanged: "profile",
};

const isMethod = (m: unknown): m is PublisherMethod => (PUBLISHER_METHODS as readonly unknown[]).includes(m);

export interface RelayOptions {
  /** Several nodes share a Redis: forward to the others through the Socket.IO adapter. */
  cluster: boolean;
  /** Called once per event, on the node whose service published it. */
  published?(method: PublisherMethod): void;
  /** Called on every node for every event it hands to its broadcaster. */
  delivered?(method: PublisherMethod): void;
}

/**
 * The Publisher that services get. It hands each event to this node's broadcaster, which
 * emits to this node's sockets only, and to every other node's broadcaster through the
 * adapter (`serverSideEmit`, Redis pub/sub). So each node sees every committed comment and
 * can order a post's comments itself before any of its sockets gets one (ordering.ts);
 * with Redis away, each node still serves its own sockets.
 */
export function createRelay(io: ParleyServer, local: Publisher, opts: RelayOptions): Publisher {
  function deliver(method: PublisherMethod, args: unknown[]) {
    opts.delivered?.(method);
    (local[method] as (...a: unknown[]) => void)(...args);
  }
  if (opts.cluster) io.on("publish", (method, args) => isMethod(method) && Array.isArray(args) && deliver(method, args));

  const relay = {} as Record<PublisherMethod, (...args: unknown[]) => void>;
  for (const method of PUBLISHER_METHODS) {
    relay[method] = (...args) => {
      opts.published?.(method);
      deliver(method, args);
      if (opts.cluster) io.serverSideEmit("publish", method, args);
    };
  }
  return relay as unknown as Publisher;
}
