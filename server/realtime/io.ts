import { Server } from "socket.io";
import type { RedisClientType } from "redis";
import { createResilientAdapter } from "./adapter";
import { env } from "../env";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { allowRequest } from "./handshake";
import type { InterServerEvents, ParleyServer, SocketData } from "./types";
import { baseSecurityHeaders } from "../http/server";

/**
 * Socket.IO answers /socket.io/ itself, before Parley's request handler: its polling responses
 * and the WebSocket upgrade get the same security headers as every other response.
 */
export function hardenEngine(io: ParleyServer) {
  const add = (headers: Record<string, string>) => Object.assign(headers, baseSecurityHeaders());
  io.engine.on("initial_headers", add);
  io.engine.on("headers", add);
}

/**
 * The Socket.IO server, before it is attached to HTTP and before any handler exists: the
 * broadcaster is built on it first, services on the broadcaster, handlers on the services.
 */
export function createIo({ redis }: { redis?: { client: RedisClientType; url: string; isUp: () => boolean } } = {}): ParleyServer {
  return new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    pingInterval: env.SOCKET_PING_INTERVAL_MS,
    pingTimeout: env.SOCKET_PING_TIMEOUT_MS,
    maxHttpBufferSize: 16 * 1024,
    allowRequest,
    cors: { origin: [...env.allowedOrigins], credentials: true },
    // One node: missed packets are replayed within this window (the middleware still runs on
    // recovery). Several nodes: no replay. Each node emits comments from its own ordered lanes
    // (ordering.ts), which the stream-based replay cannot see, so a "recovered" socket would
    // skip what it missed; a fresh connection resubscribes and catches up exactly instead.
    ...(redis
      ? { adapter: createResilientAdapter(redis.client, redis) }
      : { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false } }),
  });
}
