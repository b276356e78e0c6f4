import { createStore, type StateCreator, type StoreApi } from "zustand/vanilla";
import type { Post } from "@/server/dto";

/** "forum" (every category) or "category:<slug>". */
export type FeedScope = "forum" | `category:${string}`;

export interface FeedState {
  scope: FeedScope | null;
  pinnedFirst: boolean;
  byId: Record<string, Post>;
  /** The visible list, derived from byId: pinned first when the scope wants it, then lastActivityAt desc. */
  posts: Post[];
  /** Posts that arrived live and wait behind the "N new posts" pill. */
  pending: Record<string, Post>;
  pendingCount: number;
  hydrate(scope: FeedScope, posts: Post[], opts?: { pinnedFirst?: boolean }): void;
  /** Adds a further page (cursor pagination) to the visible list. */
  append(posts: Post[]): void;
  upsertPost(post: Post): void;
  /** Lays a member's read state over the posts held (a member shell's layer), keeping everything else. */
  applyReadStates(states: Record<string, { readSeq: number | null; watchLevel: Post["watchLevel"] }>): void;
  removePost(id: string): void;
  showPending(): void;
}

function order(byId: Record<string, Post>, pinnedFirst: boolean): Post[] {
  return Object.values(byId).sort(
    (a, b) =>
      (pinnedFirst ? Number(b.pinned) - Number(a.pinned) : 0) ||
      Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt) ||
      (a.id < b.id ? 1 : -1),
  );
}

export type FeedStore = StoreApi<FeedState>;

/**
 * Live events carry the post as everyone sees it, with its `lastSeq` but without this member's
 * read state: keep the read position this list was given and derive the unread count from the
 * new `lastSeq`, so badges stay exact with no event per member.
 */
export function withReadState(post: Post, held: Post | undefined): Post {
  if (!held || held.readSeq === undefined) return post;
  const readSeq = held.readSeq;
  return {
    ...post,
    readSeq,
    unreadCount: readSeq === null ? 0 : Math.max(0, post.lastSeq - readSeq),
    watchLevel: post.watchLevel ?? held.watchLevel,
  };
}

function inScope(scope: FeedScope | null, post: Post): boolean {
  if (!scope) return false;
  return scope === "forum" || scope === `category:${post.category.slug}`;
}

const feedState: StateCreator<FeedState> = (set, get) => ({
  scope: null,
  pinnedFirst: false,
  byId: {},
  posts: [],
  pending: {},
  pendingCount: 0,

  hydrate(scope, posts, opts) {
    const pinnedFirst = opts?.pinnedFirst ?? scope.startsWith("category:");
    const byId = Object.fromEntries(posts.map((p) => [p.id, p]));
    set({ scope, pinnedFirst, byId, posts: order(byId, pinnedFirst), pending: {}, pendingCount: 0 });
  },

  append(posts) {
    const { pinnedFirst } = get();
    const byId = { ...get().byId };
    for (const p of posts) byId[p.id] = p;
    set({ byId, posts: order(byId, pinnedFirst) });
  },

  upsertPost(incoming) {
    const { scope, byId, pending, pinnedFirst } = get();
    const post = withReadState(incoming, byId[incoming.id] ?? pending[incoming.id]);
    if (!inScope(scope, post)) {
      // A post moved out of this category leaves the list.
      if (byId[post.id] || pending[post.id]) get().removePost(post.id);
      return;
    }
    if (byId[post.id]) {
      const next = { ...byId, [post.id]: post };
      set({ byId: next, posts: order(next, pinnedFirst) });
      return;
    }
    // New to this page: hold it behind the pill rather than shifting the list under the reader.
    const nextPending = { ...pending, [post.id]: post };
    set({ pending: nextPending, pendingCount: Object.keys(nextPending).length });
  },

  applyReadStates(states) {
    const { byId, pending, pinnedFirst } = get();
    // The unread count follows the post as held now: a live event may have moved its lastSeq.
    const lay = (posts: Record<string, Post>) =>
      Object.fromEntries(
        Object.entries(posts).map(([id, p]) => {
          const state = states[id];
          return [id, state ? withReadState(p, { ...p, readSeq: state.readSeq, watchLevel: state.watchLevel }) : p];
        }),
      );
    const next = lay(byId);
    set({ byId: next, posts: order(next, pinnedFirst), pending: lay(pending) });
  },

  removePost(id) {
    const { byId, pending, pinnedFirst } = get();
    if (!byId[id] && !pending[id]) return;
    const { [id]: _gone, ...rest } = byId;
    const { [id]: _gonePending, ...restPending } = pending;
    set({ byId: rest, posts: order(rest, pinnedFirst), pending: restPending, pendingCount: Object.keys(restPending).length });
  },

  showPending() {
    const { byId, pending, pinnedFirst } = get();
    const next = { ...byId, ...pending };
    set({ byId: next, posts: order(next, pinnedFirst), pending: {}, pendingCount: 0 });
  },
});

/**
 * zustand hands React the store's *initial* state as the server snapshot (the server render
 * and the hydrating one); the state as filled from the page's payload is the one to render.
 */
export function servedAsHydrated<S, T extends { getState(): S; getInitialState(): S }>(store: T): T {
  const filled = store.getState();
  store.getInitialState = () => filled;
  return store;
}

/** A feed of one scope, filled from the server-rendered page before anything watches it. */
export function createFeedStore(scope: FeedScope, posts: Post[]): FeedStore {
  const store = createStore<FeedState>()(feedState);
  store.getState().hydrate(scope, posts);
  return servedAsHydrated(store);
}
