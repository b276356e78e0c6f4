"use client";
import { useEffect } from "react";
import { getSocket } from "./socket";
import { catchUp } from "./catchup";

/** Rooms this tab wants, reference-counted across the components that asked for them. */
const wanted = new Map<string, number>();
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
  await catchUp(room).catch(() => {});
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

/** Keeps this tab subscribed to a room while the calling component is mounted. */
export function useLiveRoom(room: string | null): void {
  useEffect(() => {
    if (!room) return;
    const socket = getSocket();
    const n = wanted.get(room) ?? 0;
    wanted.set(room, n + 1);
    if (n === 0 && socket.connected) void subscribe(room);
    // Already live for someone else (the bridge keeps `forum`): this consumer's data was
    // rendered on the server a moment ago, and events since may have found no store to land
    // in (a page streamed in late, a client-side navigation). Catch up for it too.
    else if (joined.has(room)) void catchUp(room).catch(() => {});
    return () => {
      const left = (wanted.get(room) ?? 1) - 1;
      if (left > 0) return void wanted.set(room, left);
      wanted.delete(room);
      joined.delete(room);
      mark();
      if (socket.connected) socket.emit("unsubscribe", { room }, () => {});
    };
  }, [room]);
}

/** Tells others in the post that this member is typing (throttled by the caller). */
export function sendTyping(postId: string): void {
  const socket = getSocket();
  if (socket.connected) socket.emit("typing", { postId }, () => {});
}
