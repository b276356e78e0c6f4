"use client";
import { useEffect, useRef, type RefObject } from "react";
import { call } from "@/components/api";

/** How long reading settles before the position is sent (one PUT per pause, not per comment). */
const SEND_AFTER_MS = 1000;

/**
 * Records how far the member has read: every comment element (`[data-seq]`) inside `root` that
 * scrolls into view raises the highest seq seen; a second after the last rise it is sent with
 * `PUT /posts/:id/read`. The server only moves forward (and clamps), so out-of-order or
 * repeated sends are harmless. A post never opened is marked opened (seq 0) at once.
 * `watchKey` changes when comments are added, so new ones are observed too.
 */
export function useReadProgress(
  postId: string,
  readSeq: number | null | undefined,
  root: RefObject<HTMLElement | null>,
  watchKey: unknown,
) {
  const seen = useRef(readSeq ?? 0);
  const sent = useRef(readSeq ?? -1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const observer = useRef<IntersectionObserver | null>(null);
  const enabled = readSeq !== undefined; // undefined: a guest

  useEffect(() => {
    if (!enabled) return;
    // Known only now (a member shell learns it from its layer as it hydrates): start from it.
    if (readSeq != null && sent.current < readSeq) {
      sent.current = readSeq;
      seen.current = Math.max(seen.current, readSeq);
    }
    function flush() {
      clearTimeout(timer.current);
      timer.current = undefined;
      if (seen.current <= sent.current) return;
      const seq = seen.current;
      sent.current = seq;
      call("PUT /api/v1/posts/{id}/read", { params: { id: postId }, body: { seq } }).catch(() => {
        if (sent.current === seq) sent.current = -1; // try again with the next progress
      });
    }
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const seq = Number((e.target as HTMLElement).dataset.seq);
          if (seq > seen.current) seen.current = seq;
        }
        if (seen.current > sent.current && !timer.current) timer.current = setTimeout(flush, SEND_AFTER_MS);
      },
      { threshold: 0.6 },
    );
    // Opened: no longer "new", even with nothing to read yet.
    if (sent.current < 0) flush();
    const onHide = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      observer.current?.disconnect();
      observer.current = null;
      flush();
    };
  }, [enabled, postId, readSeq]);

  useEffect(() => {
    const o = observer.current;
    if (!o || !root.current) return;
    root.current.querySelectorAll<HTMLElement>("[data-seq]").forEach((el) => o.observe(el));
  }, [root, watchKey, enabled]);
}
