import { childLogger } from "../logger";
import type { Services } from "../services";
import { handshake } from "./handshake";
import { createPresenceTracker } from "./presence.handlers";
import { createRoomHandlers } from "./rooms.handlers";
import { createWriteHandlers } from "./writes.handlers";
import { startSessionRecheck } from "./recheck";
import { createSocketBudget } from "./budget";
import type { ParleyServer, ParleySocket } from "./types";
import { STAFF_ROOM } from "./rooms";
import type { Lanes } from "./broadcaster";
import type { AccessControl } from "./access";
import { createSocketCaps } from "./caps";

const log = childLogger("realtime");
const STATS_INTERVAL_MS = 2000;

/**
 * The socket side of Parley over built services: the handshake, the room, typing and
 * presence handlers, the periodic session re-check and the staff figures feed. The io comes
 * from createIo(); app.ts attaches it to the HTTP server once everything is registered.
 */
export function createRealtime(
  io: ParleyServer,
  services: Services,
  { lanes, access, refused }: { lanes?: Pick<Lanes, "open">; access?: AccessControl; refused?(rule: "socketEvent"): void } = {},
) {
  const presence = createPresenceTracker(io, services.presence);
  const spend = createSocketBudget(refused);
  // A post's comment lane must exist before a subscriber's catch-up, so nothing falls between.
  const watching = async (room: string) => {
    if (lanes && room.startsWith("post:")) await lanes.open(room.slice("post:".length));
  };
  access?.guardRecovery(services.users.findAccess);
  const caps = createSocketCaps(io);
  // Built once: every socket registers the same handler functions (no closures per socket).
  const roomHandlers = createRoomHandlers(services, { joined: presence.joined, left: presence.left, spend, watching });
  const writeHandlers = createWriteHandlers(services);
  const onDisconnect = function (this: ParleySocket) {
    caps.disconnected(this);
    spend.forget(this.id);
    void presence.disconnected(this).catch((err) => log.warn({ err }, "presence leave failed"));
  };
  io.use(handshake(services, caps));
  io.on("connection", (socket) => {
    caps.connected(socket);
    if (socket.recovered) {
      for (const room of socket.rooms) if (/^(forum|category:|post:)/.test(room)) socket.data.rooms.add(room);
      // Restored rooms are not trusted: they are put in line with the member's role now.
      void access?.reauthorize(socket).catch((err) => log.warn({ err }, "re-authorising a recovered socket failed"));
    }
    roomHandlers.register(socket);
    writeHandlers.register(socket);
    void presence.connected(socket).catch((err) => log.warn({ err }, "presence join failed"));
    socket.on("disconnect", onDisconnect);
  });

  const recheck = startSessionRecheck(io, services, access);
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

  return {
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
