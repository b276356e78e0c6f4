"use client";
import { useLayoutEffect, useRef, useState } from "react";

/**
 * Moves server-rendered data into a store once per payload. The guard is the data's identity:
 * a re-render keeps the store (and its live updates), while a router.refresh() brings a new
 * payload and hydrates again. Returns false until the store holds the data, so the first
 * (server and hydration) render can draw from props and match the server's HTML.
 */
export function useHydrate<T>(data: T, hydrate: (data: T) => void): boolean {
  const seen = useRef<T | null>(null);
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    if (seen.current !== data) {
      seen.current = data;
      hydrate(data);
    }
    setReady(true);
    // hydrate is a store action: stable, and deliberately not a trigger.
  }, [data]);
  return ready;
}
