import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { env } from "../env";
import { childLogger } from "../logger";
import type { Services } from "../services";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { allowRequest, handshake } from "./handshake";
import { createBroadcaster } from "./broadcaster";
import { createPresenceTracker } from "./presence.handlers";
import { registerRoomHandlers } from "./rooms.handlers";
import { startSessionRecheck } from "./recheck";
import { createSocketBudget } from "./budget";
import type { InterServerEvents, ParleyServer, SocketData } from "./types";
import { STAFF_ROOM } from "./rooms";

const log = childLogger("realtime");
const STATS_INTERVAL_MS = 2000;

export interface RealtimeDeps {
  services: Services;
  /** A connected node-redis client: enables the multi-node adapter. */
  redis?: unknown;
  /** Counts one published event (for the live stats). */
  onEmit?: () => void;
}

/** Attaches Socket.IO to Parley's HTTP server and returns the publisher services use. */
export function createRealtime(httpServer: HttpServer, { services, redis, onEmit = () => {} }: RealtimeDeps) {
  const io: ParleyServer = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, {
    path: "/socket.io",
    transports: ["websocket", "polling"],
    pingInterval: env.SOCKET_PING_INTERVAL_MS,
    pingTimeout: env.SOCKET_PING_TIMEOUT_MS,
    maxHttpBufferSize: 16 * 1024,
    allowRequest,
    cors: { origin: [...env.allowedOrigins], credentials: true },
    // Missed packets are replayed within this window; the middleware still runs on recovery.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    ...(redis ? { adapter: createAdapter(redis) } : {}),
  });

  const presence = createPresenceTracker(io, services.presence);
  const spend = createSocketBudget();
  io.use(handshake(services));
  io.on("connection", (socket) => {
    if (socket.recovered) for (const room of socket.rooms) if (/^(forum|category:|post:)/.test(room)) socket.data.rooms.add(room);
    registerRoomHandlers(socket, services, { joined: presence.joined, left: presence.left, spend });
    void presence.connected(socket).catch((err) => log.warn({ err }, "presence join failed"));
    socket.on("disconnect", () => {
      spend.forget(socket.id);
      void presence.disconnected(socket).catch((err) => log.warn({ err }, "presence leave failed"));
    });
  });

  const recheck = startSessionRecheck(io, services);
  // Live dashboard figures for staff on this node (io.local: every node serves its own staff
  // sockets, so nothing is sent twice). Computed once per tick, only when staff are watching.
  const statsTimer = setInterval(() => {
    if (!io.of("/").adapter.rooms.get(STAFF_ROOM)?.size) return;
    services.moderation
      .figures()
      .then((stats) => io.local.to(STAFF_ROOM).emit("stats", stats))
      .catch((err) => log.warn({ err }, "stats failed"));
  }, STATS_INTERVAL_MS);
  statsTimer.unref();
  const publisher = createBroadcaster(io, { openReports: () => services.reports.countOpen(), onEmit });

  return {
    io,
    publisher,
    /** Tells every client to reconnect (elsewhere, behind a balancer) and drops this node's presence. */
    async close() {
      recheck.stop();
      clearInterval(statsTimer);
      presence.stop();
      // Closing at the Engine.IO level makes clients see "transport close" and reconnect,
      // unlike disconnectSockets(), after which a client stays away.
      io.engine.close();
      await services.presence.clearNode();
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;
