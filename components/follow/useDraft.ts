"use client";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { call } from "@/components/api";

/** Typing saves at most this often (and this long after the first keystroke of a burst). */
export const DRAFT_SAVE_MS = 2000;

export type DraftStatus = "idle" | "saving" | "saved" | "restored" | "failed";
export interface DraftValue {
  title?: string;
  body: string;
}

/**
 * Autosaves a composer to `PUT /api/v1/drafts/:key` while the member types, restores it on
 * load (here or on another device) when the composer is still empty, and forgets it when the
 * text is sent (the server deletes it in the create's transaction; `sent()` stops a pending
 * save from bringing it back) or discarded.
 */
export function useDraft(key: string, value: DraftValue, { enabled, onRestore }: { enabled: boolean; onRestore: (d: DraftValue) => void }) {
  const [status, setStatus] = useState<DraftStatus>("idle");
  const [stored, setStored] = useState(false);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const saved = useRef(JSON.stringify({ title: value.title ?? "", body: value.body }));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<Promise<unknown> | null>(null);
  // Saving waits for the stored draft to be read (it may be restored into an empty composer).
  const [ready, setReady] = useState(false);
  const restore = useEffectEvent(onRestore);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call("GET /api/v1/drafts/{key}", { params: { key } })
      .then(({ draft }) => {
        if (!live) return;
        const empty = !latest.current.body.trim() && !latest.current.title?.trim();
        if (empty && (draft.body || draft.title)) {
          const restored = { title: draft.title ?? "", body: draft.body };
          saved.current = JSON.stringify(restored);
          restore(restored);
          setStatus("restored");
        }
        setStored(true);
      })
      .catch(() => {}) // 404: nothing saved
      .finally(() => live && setReady(true));
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [enabled, key]);

  function save() {
    timer.current = undefined;
    const v = latest.current;
    const snapshot = JSON.stringify({ title: v.title ?? "", body: v.body });
    if (snapshot === saved.current) return;
    saved.current = snapshot;
    const empty = !v.body.trim() && !v.title?.trim();
    setStatus("saving");
    const request = empty
      ? call("DELETE /api/v1/drafts/{key}", { params: { key } }).then(() => setStored(false))
      : call("PUT /api/v1/drafts/{key}", { params: { key }, body: { title: v.title, body: v.body } }).then(() => setStored(true));
    inflight.current = request;
    request
      .then(() => inflight.current === request && setStatus(empty ? "idle" : "saved"))
      .catch(() => {
        saved.current = "";
        if (inflight.current === request) setStatus("failed");
      })
      .finally(() => {
        if (inflight.current === request) inflight.current = null;
      });
  }

  const snapshot = JSON.stringify({ title: value.title ?? "", body: value.body });
  useEffect(() => {
    if (!enabled || !ready || snapshot === saved.current || timer.current) return;
    timer.current = setTimeout(save, DRAFT_SAVE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- save reads the latest value through a ref
  }, [enabled, snapshot, ready]);

  function forget(deleteOnServer: boolean) {
    clearTimeout(timer.current);
    timer.current = undefined;
    saved.current = JSON.stringify({ title: "", body: "" });
    setStatus("idle");
    setStored(false);
    const remove = () => call("DELETE /api/v1/drafts/{key}", { params: { key } }).catch(() => {});
    // A save still on its way would land after the create's delete: remove it once it has.
    if (inflight.current) void inflight.current.finally(remove);
    else if (deleteOnServer) void remove();
  }

  return {
    status,
    /** Something is saved (or being typed) that "Discard" would throw away. */
    stored,
    /** The text was posted: the server dropped the draft; stop any pending save. */
    sent: () => forget(false),
    /** The member threw the draft away. */
    discard: () => forget(true),
  };
}
