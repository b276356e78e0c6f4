"use client";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/realtime/events";

export type ParleyClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ParleyClientSocket | null = null;

/**
 * The one socket of this tab. WebSocket first, long-polling when a network refuses it.
 * Reconnection backs off exponentially from 0.5 s to 10 s with ±50 % jitter, so a restarted
 * server is not hit by every tab at the same instant.
 */
export function getSocket(): ParleyClientSocket {
  socket ??= io({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
  return socket;
}
