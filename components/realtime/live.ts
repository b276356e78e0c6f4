"use client";
import { useEffect } from "react";
import { getSocket } from "./socket";
import { catchUp } from "./catchup";

/** Rooms this tab wants, reference-counted across the components that asked for them. */
const wanted = new Map<string, number>();

async function subscribe(room: string) {
  const socket = getSocket();
  const ack = await socket
    .timeout(10_000)
    .emitWithAck("subscribe", { room })
    .catch(() => null);
  if (ack?.ok) await catchUp(room).catch(() => {});
}

/**
 * On every connect that did not recover the previous session (first connect, or a reconnect
 * after the recovery window), subscribe again to every wanted room and catch up over HTTP.
 * A recovered connection keeps its rooms and gets missed events replayed by the server.
 */
export function resubscribeAll(recovered: boolean) {
  if (recovered) return;
  for (const room of wanted.keys()) void subscribe(room);
}

/** Keeps this tab subscribed to a room while the calling component is mounted. */
export function useLiveRoom(room: string | null): void {
  useEffect(() => {
    if (!room) return;
    const socket = getSocket();
    const n = wanted.get(room) ?? 0;
    wanted.set(room, n + 1);
    if (n === 0 && socket.connected) void subscribe(room);
    return () => {
      const left = (wanted.get(room) ?? 1) - 1;
      if (left > 0) return void wanted.set(room, left);
      wanted.delete(room);
      if (socket.connected) socket.emit("unsubscribe", { room }, () => {});
    };
  }, [room]);
}

/** Tells others in the post that this member is typing (throttled by the caller). */
export function sendTyping(postId: string): void {
  const socket = getSocket();
  if (socket.connected) socket.emit("typing", { postId }, () => {});
}
