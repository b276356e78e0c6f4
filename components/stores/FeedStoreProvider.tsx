"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Post } from "@/server/dto";
import { createFeedStore, type FeedScope, type FeedState, type FeedStore } from "./feed";
import { usePageStore } from "./StoresProvider";

const FeedStoreContext = createContext<FeedStore | null>(null);

/** One list of posts (a page's feed), from the server's first page, then live. */
export function FeedStoreProvider({ scope, posts, children }: { scope: FeedScope; posts: Post[]; children: ReactNode }) {
  const store = usePageStore(
    "feeds",
    posts,
    (initial) => createFeedStore(scope, initial),
    (feed, next) => feed.getState().hydrate(scope, next),
  );
  return <FeedStoreContext value={store}>{children}</FeedStoreContext>;
}

export function useFeedStoreApi(): FeedStore {
  const store = useContext(FeedStoreContext);
  if (!store) throw new Error("useFeedStore must be used inside <FeedStoreProvider>");
  return store;
}

export function useFeedStore<T>(selector: (s: FeedState) => T): T {
  return useStore(useFeedStoreApi(), selector);
}
