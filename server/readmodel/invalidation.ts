import type { Publisher } from "../realtime/publisher";
import { PUBLISHER_METHODS } from "../realtime/relay";
import type { ReadModel } from "./read-model";

/** Tags of the read model's entries (server/readmodel/cached-reads.ts). */
export const TAGS = {
  /** A post's own entry and its comment pages. */
  post: (id: string) => `post:${id}`,
  /** The home feed, every category page and the category overview (counts, last activity). */
  lists: "lists",
} as const;

type Before = { [M in keyof Publisher]?: (...args: Parameters<Publisher[M]>) => void };

/**
 * The broadcaster with the read model in front of it: each event first drops the cached reads
 * it makes stale, then goes to this node's sockets. The relay (server/realtime/relay.ts) hands
 * it every event published on any node, so invalidation rides the same Redis path as the
 * socket events, and on every node it happens before a socket there can see the event.
 */
export function invalidating(readModel: ReadModel, next: Publisher): Publisher {
  const drop = (...tags: string[]) => readModel.invalidate(tags);
  const before: Before = {
    postCreated: () => drop(TAGS.lists),
    postUpdated: (post) => drop(TAGS.post(post.id), TAGS.lists),
    postDeleted: ({ id }) => drop(TAGS.post(id), TAGS.lists),
    postActivity: (post) => drop(TAGS.post(post.id), TAGS.lists),
    commentCreated: (comment) => drop(TAGS.post(comment.postId)),
    commentUpdated: (comment) => drop(TAGS.post(comment.postId)),
    commentDeleted: ({ postId }) => drop(TAGS.post(postId)),
    // A category renamed shows in every post of it: rare enough to start over.
    categoryChanged: () => readModel.clear(),
    // Avatars show on every post and comment a member wrote: rare enough to empty the model.
    profileChanged: () => readModel.clear(),
    // A deleted account's posts and comments now show a deleted member: anything may name them.
    accessChanged: ({ change }) => {
      if (change.kind === "ended" && change.reason === "deleted") readModel.clear();
    },
  };
  const out = {} as Record<keyof Publisher, (...args: unknown[]) => void>;
  for (const method of PUBLISHER_METHODS) {
    const first = before[method] as ((...args: unknown[]) => void) | undefined;
    const then = (next[method] as (...args: unknown[]) => void).bind(next);
    out[method] = first
      ? (...args) => {
          first(...args);
          then(...args);
        }
      : then;
  }
  return out as unknown as Publisher;
}
