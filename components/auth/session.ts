"use client";
import { getSocket } from "@/components/realtime/socket";

/**
 * The socket authenticates once, at its handshake, with the cookie it had then. After signing
 * in or out without a full page load, reconnect so the handshake sees the new session
 * (notifications, presence and typing depend on it).
 */
export function reconnectLive(): void {
  const socket = getSocket();
  socket.disconnect();
  socket.connect();
}
