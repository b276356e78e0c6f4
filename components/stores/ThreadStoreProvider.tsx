"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Comment, Post } from "@/server/dto";
import { createThreadStore, type ThreadState, type ThreadStore } from "./thread";
import { usePageStore } from "./StoresProvider";

const ThreadStoreContext = createContext<ThreadStore | null>(null);

/** The open post and its comments, from the server's render, then live. */
export function ThreadStoreProvider({ initial, children }: { initial: { post: Post; comments: Comment[] }; children: ReactNode }) {
  const store = usePageStore(
    "threads",
    initial,
    (d) => createThreadStore(d.post, d.comments),
    (thread, d) => thread.getState().hydrate(d.post, d.comments),
  );
  return <ThreadStoreContext value={store}>{children}</ThreadStoreContext>;
}

export function useThreadStoreApi(): ThreadStore {
  const store = useContext(ThreadStoreContext);
  if (!store) throw new Error("useThreadStore must be used inside <ThreadStoreProvider>");
  return store;
}

export function useThreadStore<T>(selector: (s: ThreadState) => T): T {
  return useStore(useThreadStoreApi(), selector);
}
