"use client";
import { useEffect, useRef, useState } from "react";

/**
 * One polite live region for the whole page (WCAG 4.1.3 status messages). Live events that a
 * screen-reader user would otherwise miss (new comments, new posts) are said here, once, without
 * moving focus. Typing indicators are deliberately not: they change too often to be heard.
 */
type Listener = (text: string) => void;
const listeners = new Set<Listener>();

/** Says `text` through the page's live region; of a burst within its `settleMs`, the last is said. */
export function announce(text: string) {
  for (const l of listeners) l(text);
}

export function LiveAnnouncer({ settleMs = 700 }: { settleMs?: number }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const listener: Listener = (text) => {
      clearTimeout(timer.current);
      // Emptied first so the same words twice in a row are still read the second time.
      setMessage("");
      timer.current = setTimeout(() => setMessage(text), settleMs);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      clearTimeout(timer.current);
    };
  }, [settleMs]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-announcer">
      {message}
    </div>
  );
}

/**
 * Announces items that arrive after the first render: `describe` turns the newcomers into the
 * sentence, or null for silence (e.g. when they are the reader's own).
 */
export function useAnnounceArrivals<T>(items: T[], key: (item: T) => string, describe: (fresh: T[]) => string | null) {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const keys = new Set(items.map(key));
    if (seen.current) {
      const fresh = items.filter((i) => !seen.current!.has(key(i)));
      const text = fresh.length > 0 ? describe(fresh) : null;
      if (text) announce(text);
    }
    seen.current = keys;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the items is news
  }, [items]);
}
