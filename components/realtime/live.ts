"use client";
import { useEffect } from "react";
import { getSocket } from "./socket";

/** Fetches what a component's store may have missed while its room was not live (see catchup.ts). */
export type CatchUp = () => Promise<void>;

/** One mounted component watching a room. */
interface Watcher {
  catchUp?: CatchUp;
}

/** Rooms this tab wants, with the components that asked for each. */
const wanted = new Map<string, Set<Watcher>>();
/** Rooms the server has confirmed for the current connection. */
const joined = new Set<string>();

/** Exposes the confirmed rooms on <html data-rooms>, for people debugging and for browser tests. */
function mark() {
  document.documentElement.dataset.rooms = [...joined].join(" ");
}

async function subscribe(room: string) {
  const ack = await getSocket()
    .timeout(10_000)
    .emitWithAck("subscribe", { room })
    .catch(() => null);
  if (!ack?.ok || !wanted.has(room)) return;
  joined.add(room);
  mark();
  await Promise.all([...(wanted.get(room) ?? [])].map(catchUpFor));
}

async function catchUpFor(watcher: Watcher): Promise<void> {
  await watcher.catchUp?.().catch(() => {});
}

/** The connection dropped: nothing is confirmed until the server says so again. */
export function forgetRooms() {
  joined.clear();
  mark();
}

/**
 * On every connect that did not recover the previous session (first connect, or a reconnect
 * after the recovery window), subscribe again to every wanted room, then catch up over HTTP.
 * A recovered connection keeps its rooms and gets missed events replayed by the server.
 */
export async function resubscribeAll(recovered: boolean): Promise<void> {
  if (recovered) {
    for (const room of wanted.keys()) joined.add(room);
    return mark();
  }
  await Promise.all([...wanted.keys()].map(subscribe));
}

/**
 * Keeps this tab subscribed to a room while the calling component is mounted, and runs its
 * catch-up (which writes to the component's own store) after every (re)subscribe. Pass a
 * stable catchUp (useCallback): a new one re-registers the component.
 */
export function useLiveRoom(room: string | null, catchUp?: CatchUp): void {
  useEffect(() => {
    if (!room) return;
    const socket = getSocket();
    const watcher: Watcher = { catchUp };
    const watchers = wanted.get(room) ?? new Set<Watcher>();
    const first = watchers.size === 0;
    wanted.set(room, watchers.add(watcher));
    if (first && socket.connected) void subscribe(room);
    // Already live for someone else (the bridge keeps `forum`): this consumer's data was
    // rendered on the server a moment ago, and events since may have found no store to land
    // in (a page streamed in late, a client-side navigation). Catch up for it too.
    else if (joined.has(room)) void catchUpFor(watcher);
    return () => {
      watchers.delete(watcher);
      if (watchers.size > 0) return;
      wanted.delete(room);
      joined.delete(room);
      mark();
      if (socket.connected) socket.emit("unsubscribe", { room }, () => {});
    };
  }, [room, catchUp]);
}

/** Tells others in the post that this member is typing (throttled by the caller). */
export function sendTyping(postId: string): void {
  const socket = getSocket();
  if (socket.connected) socket.emit("typing", { postId }, () => {});
}
