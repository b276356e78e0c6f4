import { createStore, type StateCreator, type StoreApi } from "zustand/vanilla";
import type { Comment, Post, UserRef } from "@/server/dto";
import { servedAsHydrated, withReadState } from "./feed";

/** A comment shown before the server has it; the server's copy replaces it. */
export interface OptimisticComment {
  clientId: string;
  body: string;
  author: UserRef;
  createdAt: string;
  /** reconnecting: Parley or its database is away; it is sent again with the same clientId. */
  status: "sending" | "reconnecting" | "failed";
  error?: string;
  /** The comment this one answers, sent again with it on a retry. */
  replyToId?: string;
}

export const TYPING_TTL_MS = 4000;

export interface ThreadState {
  post: Post;
  /** Set when the open post was deleted or withdrawn while on screen. */
  postRemoved: boolean;
  byId: Record<string, Comment>;
  /** Derived from byId, in seq order. */
  comments: Comment[];
  /** Pending sends, oldest first, shown after the server's comments. */
  optimistic: OptimisticComment[];
  typing: Record<string, { username: string; until: number }>;
  viewers: number;
  /** See lastSeq(). */
  confirmedSeq: number;
  /** The comment the composer answers (its "Reply" was pressed), if any. */
  replyTo: Comment["replyTo"];
  /** The latest "Quote" pressed: markdown for the composer to insert (`n` tells repeats apart). */
  quote: { markdown: string; n: number } | null;

  hydrate(post: Post, comments: Comment[]): void;
  setPost(post: Post): void;
  removePost(id: string): void;
  upsertComment(comment: Comment): void;
  removeComment(id: string): void;
  addOptimistic(clientId: string, body: string, author: UserRef, replyToId?: string): void;
  reconcile(clientId: string, comment: Comment): void;
  failOptimistic(clientId: string, message: string): void;
  /** A send that will be tried again on its own (the server or its database is away). */
  reconnectingOptimistic(clientId: string): void;
  /** Marks a failed send as sending again (the caller re-POSTs with the same clientId). */
  retryOptimistic(clientId: string): void;
  discardOptimistic(clientId: string): void;
  /**
   * The seq up to which this tab surely holds every comment: the server-confirmed listing,
   * extended by live comments that follow it without a hole. Live events may arrive out of
   * seq order (concurrent writers, several nodes), so the highest seq seen is not safe to
   * catch up from; this is.
   */
  lastSeq(): number;
  /** The server listed every visible comment up to `seq` (page load or a catch-up fetch). */
  confirmThrough(seq: number): void;
  setTyping(user: UserRef): void;
  setViewers(n: number): void;
  setReplyTo(target: Comment["replyTo"]): void;
  addQuote(markdown: string): void;
}

const bySeq = (byId: Record<string, Comment>) => Object.values(byId).sort((a, b) => a.seq - b.seq);

const threadState =
  (post: Post): StateCreator<ThreadState> =>
  (set, get) => {
    function pruneTyping() {
      const now = Date.now();
      const typing = Object.fromEntries(Object.entries(get().typing).filter(([, t]) => t.until > now));
      if (Object.keys(typing).length !== Object.keys(get().typing).length) set({ typing });
    }

    /** Puts a server comment in place; drops the optimistic twin it settles, if any. */
    function put(comment: Comment, optimistic: OptimisticComment[]) {
      const byId = { ...get().byId, [comment.id]: comment };
      const { [comment.author.id]: _stopped, ...typing } = get().typing;
      set({ byId, comments: bySeq(byId), optimistic, typing });
    }

    return {
      post,
      postRemoved: false,
      byId: {},
      comments: [],
      optimistic: [],
      typing: {},
      viewers: 0,
      confirmedSeq: 0,
      replyTo: null,
      quote: null,

      hydrate(post, comments) {
        const same = get().post?.id === post.id;
        // A server listing is complete up to its highest seq (seqs commit in order).
        const listed = comments.reduce((max, c) => Math.max(max, c.seq), 0);
        const byId = Object.fromEntries(comments.map((c) => [c.id, c]));
        // A refresh of the same post was rendered a moment ago: comments this tab holds beyond
        // its listing arrived live since (or came from "Load more") and stay.
        if (same) for (const c of get().comments) if (c.seq > listed) byId[c.id] ??= c;
        set({
          post,
          postRemoved: false,
          confirmedSeq: Math.max(listed, same ? get().confirmedSeq : 0),
          byId,
          comments: bySeq(byId),
          // A refresh of the same post keeps sends in flight; another post starts clean.
          optimistic: same ? get().optimistic : [],
          typing: same ? get().typing : {},
          viewers: same ? get().viewers : 0,
        });
      },

      setPost(post) {
        // Live copies lack this member's read state and watch level: keep the ones held.
        if (get().post?.id === post.id) set({ post: withReadState(post, get().post) });
      },

      removePost(id) {
        if (get().post?.id === id) set({ postRemoved: true });
      },

      upsertComment(comment) {
        if (comment.postId !== get().post?.id) return;
        // The broadcast may beat the POST's response: the sender's own pending copy is dropped
        // here (matched by clientId; by author and text for servers that do not echo it), and
        // reconcile() later finds nothing left to replace. Never two copies.
        const pending = get().optimistic;
        const body = comment.body.trim();
        const twin = get().byId[comment.id]
          ? undefined
          : comment.clientId
            ? pending.find((o) => o.clientId === comment.clientId)
            : pending.find((o) => o.status === "sending" && o.author.id === comment.author.id && o.body.trim() === body);
        put(comment, twin ? pending.filter((o) => o !== twin) : pending);
      },

      removeComment(id) {
        if (!get().byId[id]) return;
        const { [id]: _gone, ...byId } = get().byId;
        set({ byId, comments: bySeq(byId) });
      },

      addOptimistic(clientId, body, author, replyToId) {
        const o: OptimisticComment = { clientId, body, author, createdAt: new Date().toISOString(), status: "sending", replyToId };
        set({ optimistic: [...get().optimistic.filter((x) => x.clientId !== clientId), o] });
      },

      reconcile(clientId, comment) {
        const optimistic = get().optimistic.filter((o) => o.clientId !== clientId);
        // Already delivered live (possibly with newer reactions or edits): keep that copy.
        if (get().byId[comment.id]) set({ optimistic });
        else if (comment.postId === get().post?.id) put(comment, optimistic);
        else set({ optimistic });
      },

      failOptimistic(clientId, message) {
        set({ optimistic: get().optimistic.map((o) => (o.clientId === clientId ? { ...o, status: "failed", error: message } : o)) });
      },

      reconnectingOptimistic(clientId) {
        set({
          optimistic: get().optimistic.map((o) => (o.clientId === clientId ? { ...o, status: "reconnecting", error: undefined } : o)),
        });
      },

      retryOptimistic(clientId) {
        set({
          optimistic: get().optimistic.map((o) => (o.clientId === clientId ? { ...o, status: "sending", error: undefined } : o)),
        });
      },

      discardOptimistic(clientId) {
        set({ optimistic: get().optimistic.filter((o) => o.clientId !== clientId) });
      },

      lastSeq() {
        const held = new Set(get().comments.map((c) => c.seq));
        let seq = get().confirmedSeq;
        while (held.has(seq + 1)) seq++;
        return seq;
      },

      confirmThrough(seq) {
        if (seq > get().confirmedSeq) set({ confirmedSeq: seq });
      },

      setTyping(user) {
        set({ typing: { ...get().typing, [user.id]: { username: user.username, until: Date.now() + TYPING_TTL_MS } } });
        setTimeout(pruneTyping, TYPING_TTL_MS + 50);
      },

      setViewers(n) {
        set({ viewers: Math.max(0, n) });
      },

      setReplyTo(target) {
        set({ replyTo: target });
      },

      addQuote(markdown) {
        set({ quote: { markdown, n: (get().quote?.n ?? 0) + 1 } });
      },
    };
  };

export type ThreadStore = StoreApi<ThreadState>;

/** The open post's thread, filled from the server-rendered page before anything watches it. */
export function createThreadStore(post: Post, comments: Comment[]): ThreadStore {
  const store = createStore<ThreadState>()(threadState(post));
  store.getState().hydrate(post, comments);
  return servedAsHydrated(store);
}
