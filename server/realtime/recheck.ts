import { env } from "../env";
import { childLogger } from "../logger";
import type { Services } from "../services";
import type { ParleyServer } from "./types";

const log = childLogger("realtime");

/**
 * Bans and sign-outs disconnect sockets at once through the publisher; this periodic pass is
 * the safety net for anything that changed a session without going through it (a session
 * version bumped directly, a ban that expired into a new one, a user deleted).
 */
export function startSessionRecheck(io: ParleyServer, services: Services) {
  const timer = setInterval(async () => {
    try {
      const sockets = await io.local.fetchSockets();
      const ids = [...new Set(sockets.flatMap((s) => (s.data.user ? [s.data.user.id] : [])))];
      if (ids.length === 0) return;
      const access = new Map((await services.users.findAccessMany(ids)).map((a) => [a.id, a]));
      const live = await services.sessions.existing([...new Set(sockets.flatMap((s) => (s.data.sessionId ? [s.data.sessionId] : [])))]);
      for (const s of sockets) {
        const user = s.data.user;
        if (!user) continue;
        const now = access.get(user.id);
        const sessionGone = !s.data.sessionId || !live.has(s.data.sessionId);
        if (!now || now.ban || now.sessionVersion !== user.sessionVersion || sessionGone) s.disconnect(true);
      }
    } catch (err) {
      log.warn({ err }, "session recheck failed");
    }
  }, env.SOCKET_RECHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
