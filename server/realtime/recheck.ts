import { env } from "../env";
import { childLogger } from "../logger";
import type { Services } from "../services";
import type { AccessControl } from "./access";
import type { ParleyServer } from "./types";

const log = childLogger("realtime");

/**
 * Bans, role changes and sign-outs act on sockets at once through the publisher
 * (access.ts); this periodic pass is the safety net for anything that changed without going
 * through it (a session version bumped directly, a role set in the database, a ban that
 * expired into a new one, a user deleted). It applies the same rules: an ended session gets
 * `session:ended` and is closed, a changed role gets `session:changed` and its rooms redone.
 */
export function startSessionRecheck(io: ParleyServer, services: Services, access?: Pick<AccessControl, "end" | "changeRole">) {
  const timer = setInterval(async () => {
    try {
      const sockets = io.of("/").sockets;
      const ids = [...new Set([...sockets.values()].flatMap((s) => (s.data.user ? [s.data.user.id] : [])))];
      if (ids.length === 0) return;
      const current = new Map((await services.users.findAccessMany(ids)).map((a) => [a.id, a]));
      const live = await services.sessions.existing([...new Set([...sockets.values()].flatMap((s) => (s.data.sessionId ? [s.data.sessionId] : [])))]);
      for (const s of sockets.values()) {
        const user = s.data.user;
        if (!user) continue;
        const now = current.get(user.id);
        const sessionGone = !s.data.sessionId || !live.has(s.data.sessionId);
        if (!now || now.ban || now.sessionVersion !== user.sessionVersion || sessionGone) {
          const reason = !now ? "deleted" : now.ban ? "banned" : "signed-out";
          if (access) access.end(s, { kind: "ended", reason, ban: now?.ban });
          else s.disconnect(true);
        } else if (now.role !== user.role) {
          if (access) await access.changeRole(s, now.role);
          else s.disconnect(true);
        }
      }
    } catch (err) {
      log.warn({ err }, "session recheck failed");
    }
  }, env.SOCKET_RECHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
