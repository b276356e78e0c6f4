/**
 * The baseline: a bare Socket.IO 4.8 server with none of Parley (no Next, no session, no
 * database, no presence). Run as its own process by bare.ts so its memory is its own.
 *   - event `join` {room}: joins the room and acks, the cheapest possible subscribe;
 *   - POST /emit {room, payload}: `io.to(room).emit("comment:created", payload)`, then 204;
 *   - POST /burst {room, payload, count}: `count` such emits at once (the adapter's throughput).
 * With REDIS_URL set it joins the others through the Redis Streams adapter, as Parley's nodes do.
 * Transport and heartbeat settings match Parley's defaults (server/realtime/index.ts).
 */
import { createServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { LISTEN_BACKLOG } from "../server/http/backlog";
import { Server } from "socket.io";

const MAX_BODY = 64 * 1024;

const httpServer = createServer((req, res) => {
  if (req.method !== "POST" || (req.url !== "/emit" && req.url !== "/burst")) return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    try {
      const { room, payload, count = 1 } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      for (let i = 0; i < Math.min(Number(count) || 1, 100_000); i++) io.to(String(room)).emit("comment:created", { ...payload, n: i });
      res.writeHead(204).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});

const io = new Server(httpServer, {
  path: "/socket.io",
  transports: ["websocket", "polling"],
  pingInterval: 20_000,
  pingTimeout: 10_000,
  maxHttpBufferSize: 16 * 1024,
});

if (process.env.REDIS_URL) {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  io.adapter(createAdapter(redis));
}

io.on("connection", (socket) => {
  socket.on("join", (payload: { room?: unknown }, ack: (r: object) => void) => {
    const room = String(payload?.room ?? "");
    void socket.join(room);
    if (typeof ack === "function") ack({ ok: true, room });
  });
});

// The same accept queue as a Parley node, so a storm meets the same kernel on both sides.
httpServer.listen({ port: 0, host: "127.0.0.1", backlog: LISTEN_BACKLOG }, () => {
  const address = httpServer.address();
  console.log(`BARE_LISTENING ${typeof address === "object" && address ? address.port : 0}`);
});

// The parent going away must not leave this server behind.
const stop = () => io.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
