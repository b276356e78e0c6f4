import type { IncomingMessage } from "node:http";
import { env } from "../env";
import { isStaff } from "../dto";
import { resolveSession, sessionTokenFrom } from "../auth/session";
import type { Services } from "../services";
import { STAFF_ROOM, userRoom } from "./rooms";
import type { ParleySocket } from "./types";
import { clientAddress, limitKey } from "../http/client-address";
import type { SocketCaps } from "./caps";

/**
 * Refuses a handshake from a foreign Origin before Socket.IO does anything else, which stops
 * cross-site WebSocket hijacking (the `cors` option alone does not refuse a handshake).
 * Non-browser clients send no Origin and cannot be hijacked, so they pass.
 */
export function allowRequest(req: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void) {
  const origin = req.headers.origin;
  callback(null, !origin || env.allowedOrigins.has(origin));
}

/**
 * Cookies are read once, at the handshake: an open socket keeps no copy of them. Socket.IO keeps
 * the handshake's request for as long as the socket is open, and a member's session token alone
 * is about 1 KB (in `headers` and, as the same string, in `rawHeaders`).
 */
function forgetCookies(req: IncomingMessage) {
  delete req.headers.cookie;
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === "cookie") raw.splice(i, 2);
}

/**
 * Handshake middleware: validates the NextAuth session cookie exactly as HTTP routes do.
 * Runs on recovered connections too (skipMiddlewares is off), so a banned or signed-out
 * member cannot slip back in inside the recovery window.
 */
export function handshake(services: Services, caps?: Pick<SocketCaps, "admits">) {
  return async (socket: ParleySocket, next: (err?: Error) => void) => {
    try {
      const token = sessionTokenFrom(socket.request.headers.cookie);
      forgetCookies(socket.request);
      const session = await resolveSession(token, env.secret, services.sessions.lookupForSocket);
      if (session.status === "invalid") return next(new Error("unauthorized"));
      if (session.status === "ok" && session.viewer.ban) return next(new Error("forbidden"));
      // The member's access row as the node keeps it, shared with their other sockets and
      // requests; the sign-in session is kept beside it.
      const user = session.status === "ok" ? session.viewer : null;
      socket.data.user = user;
      socket.data.address = limitKey(clientAddress(socket.request, env.TRUST_PROXY));
      if (caps && !caps.admits(socket)) return next(new Error("rate_limited"));
      socket.data.sessionId = session.status === "ok" ? session.sessionId : undefined;
      // A recovered socket gets its rooms back from Socket.IO; index.ts rebuilds this set.
      socket.data.rooms = new Set();
      if (user) {
        socket.join(userRoom(user.id));
        if (isStaff(user)) socket.join(STAFF_ROOM);
      }
      next();
    } catch {
      next(new Error("unavailable"));
    }
  };
}
