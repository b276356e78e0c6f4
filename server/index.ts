import { createServer, type Server } from "node:http";
import { EventEmitter } from "node:events";
import os from "node:os";
import next from "next";
import { env } from "./env";
import { logger } from "./logger";
import { startApp } from "./app";
import { prepareRequest, refuseOversizedAuthBody } from "./http/server";
import { createPageCache, type MemberLayers } from "./http/page-cache";
import { resolveSession, sessionTokenFrom } from "./auth/session";
import { fitsSharedRender } from "./personal/layer";
import { createMetricsEndpoint } from "./metrics/endpoint";
import { trackHttp } from "./metrics/http";
import { LISTEN_BACKLOG } from "./http/backlog";

/** Entry point: one HTTP server hosting Next and the realtime layer, on PORT/HOST. */
const dev = !env.production;
const app = await startApp();
// Next answers WebSocket upgrades on the server it is given (or the first request's): in
// development that is its hot reloader's socket; in production only its router would run on
// every Socket.IO upgrade, for nothing (no rewrites here), so it is given a server that never
// upgrades.
const upgrades = dev ? undefined : (new EventEmitter() as Server);
const nextApp = next({ dev, hostname: env.HOST, port: env.PORT, dir: process.cwd(), httpServer: upgrades });
await nextApp.prepare();
// In production, post, category and home pages are replayed from the read model (to members:
// the shared member render with each reader's own layer; http/page-cache.ts); in development
// every load renders, so an edited component shows at once.
const render = nextApp.getRequestHandler();
const members: MemberLayers = {
  async viewer(req) {
    const session = await resolveSession(sessionTokenFrom(req.headers.cookie), env.secret, app.services.sessions.lookup);
    return session.status === "ok" && fitsSharedRender(session.viewer) ? session.viewer : null;
  },
  layer: (viewer, page) => app.services.personal.layer(viewer, page),
};
const handle = env.production ? createPageCache(app.services.readModel, render, members) : render;
const serveMetrics = createMetricsEndpoint(app.metrics, env.METRICS_TOKEN);

const server = createServer((req, res) => {
  prepareRequest(req, res);
  trackHttp(app.metrics, req, res);
  if (serveMetrics(req, res)) return;
  if (refuseOversizedAuthBody(req, res)) return;
  handle(req, res).catch((err) => {
    logger.error({ err }, "request failed");
    if (!res.headersSent) res.writeHead(500).end();
  });
});
const realtime = app.attach(server);

server.listen({ port: env.PORT, host: env.HOST, backlog: LISTEN_BACKLOG }, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  app.metrics.setNode(`${os.hostname()}:${port}`);
  logger.info({ url: `http://${env.HOST}:${port}`, dev }, "Parley is listening");
  // A parseable line for tools and tests that start Parley on port 0 (plain stdout, not a log).
  if (env.PARLEY_REPORT_PORT) process.stdout.write(`PARLEY_LISTENING ${port}\n`);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  await realtime.close(); // tells sockets to reconnect elsewhere
  // Stop accepting; idle keep-alive connections close now, in-flight requests finish first.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
  await nextApp.close?.();
  await app.stop();
  clearTimeout(force);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
