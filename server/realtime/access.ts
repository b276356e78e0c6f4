/**
 * The one access-change path: whatever changes what a member may see or whether their session
 * lives (ban, unban, role change, sign-out, password change or reset, account deletion) ends
 * in one Publisher call, relayed to every node like any other event:
 *
 *   publisher.accessChanged({ userId, sessionId?, exceptSessionId?, change })
 *
 * - `change: { kind: "ended", reason, ban? }`: each matching socket gets `session:ended
 *   {reason, ban?}` and is closed (`io server disconnect`, so the browser does not reconnect
 *   on its own); its connection-state-recovery session is dropped too, so nothing missed is
 *   replayed to it. Reasons: "banned", "signed-out", "password-changed" (the contract's), and
 *   "deleted" for a removed account.
 * - `change: { kind: "role", role }`: each matching socket gets `session:changed {role}` after
 *   it was moved: it joins or leaves the `staff` room and the staff twins of its rooms
 *   (server/realtime/rooms.ts), and every post room it holds is checked against the post's
 *   visibility again (a hidden post's room is left, with `post:deleted`).
 * - `sessionId` limits the change to the sockets of one server-side session
 *   (`socket.data.sessionId`, set by the handshake when the session token names one);
 *   `exceptSessionId` spares one session (e.g. "sign out everywhere else"). Without either,
 *   every socket of the user changes.
 *
 * Call it after the transaction that made the change has committed. The periodic re-check
 * (recheck.ts) and connection-state recovery (guardRecovery below) apply the same rules to
 * anything that changed in the database without passing through here.
 */
import { isStaff, type Role, type Viewer } from "../dto";
import { STAFF_ROOM, staffTwin, userRoom } from "./rooms";
import type { ParleyServer, ParleySocket } from "./types";

export type SessionEndReason = "banned" | "signed-out" | "password-changed" | "deleted";
export type AccessChange =
  { kind: "ended"; reason: SessionEndReason; ban?: { reason: string | null; until: string | null } | null } | { kind: "role"; role: Role };
export interface AccessTarget {
  userId: string;
  sessionId?: string;
  exceptSessionId?: string;
  change: AccessChange;
}

/** Whether a post may be seen by a non-staff viewer right now (exists, not deleted, not hidden). */
export type PostVisibility = (postId: string) => Promise<boolean>;

interface PersistedSession {
  data?: { user?: Viewer | null; sessionId?: string };
}
interface SessionStore {
  sessions?: Map<string, PersistedSession>;
  restoreSession(pid: string, offset: string): Promise<(PersistedSession & { rooms: Set<string> }) | null>;
}

const matches = (t: Pick<AccessTarget, "sessionId" | "exceptSessionId">, sessionId: string | undefined) =>
  (t.sessionId === undefined || t.sessionId === sessionId) && (t.exceptSessionId === undefined || t.exceptSessionId !== sessionId);

export function createAccessControl(
  io: ParleyServer,
  deps: { postVisible: PostVisibility; onLeave?(socket: ParleySocket, room: string): void },
) {
  const nsp = () => io.of("/");
  const store = () => nsp().adapter as unknown as SessionStore;

  /** This node's sockets of a user (every socket of a signed-in member sits in user:<id>). */
  function socketsOf(userId: string): ParleySocket[] {
    const ids = nsp().adapter.rooms.get(userRoom(userId)) ?? new Set<string>();
    return [...ids].flatMap((id) => nsp().sockets.get(id) ?? []);
  }

  /** Drops the recovery sessions a change applies to: a reconnect then starts afresh. */
  function forgetRecovery(target: Pick<AccessTarget, "userId" | "sessionId" | "exceptSessionId">) {
    const sessions = store().sessions;
    if (!sessions) return;
    for (const [pid, s] of sessions) if (s.data?.user?.id === target.userId && matches(target, s.data.sessionId)) sessions.delete(pid);
  }

  /** Leaves a room (and its staff twin) and forgets it. */
  function evict(socket: ParleySocket, room: string) {
    if (!socket.data.rooms.delete(room)) return;
    void socket.leave(room);
    void socket.leave(staffTwin(room));
    deps.onLeave?.(socket, room);
  }

  /**
   * Puts a socket's rooms in line with its user's role: staff sit in `staff` and the twin of
   * each room; others in neither, and in no room of a post they may no longer see.
   */
  async function reauthorize(socket: ParleySocket) {
    const staff = isStaff(socket.data.user);
    const rooms = [...socket.data.rooms];
    if (staff) {
      if (socket.data.user) await socket.join([STAFF_ROOM, ...rooms.map(staffTwin)]);
      return;
    }
    for (const room of socket.rooms) if (room === STAFF_ROOM || room.startsWith("staff:")) void socket.leave(room);
    for (const room of rooms) {
      if (!room.startsWith("post:")) continue;
      const postId = room.slice("post:".length);
      if (await deps.postVisible(postId).catch(() => true)) continue;
      evict(socket, room);
      socket.emit("post:deleted", { id: postId });
    }
  }

  function end(socket: ParleySocket, change: Extract<AccessChange, { kind: "ended" }>) {
    socket.emit("session:ended", change.ban ? { reason: change.reason, ban: change.ban } : { reason: change.reason });
    // disconnect(true) sends the DISCONNECT packet after the event, then closes the transport.
    socket.disconnect(true);
  }

  async function changeRole(socket: ParleySocket, role: Role) {
    if (!socket.data.user) return;
    socket.data.user = { ...socket.data.user, role };
    await reauthorize(socket);
    socket.emit("session:changed", { role });
  }

  /**
   * A post became hidden (`staffToo` false) or was deleted (`staffToo` true): its non-staff
   * watchers on this node leave its room, so none of its later comments reach them.
   */
  function evictFromPost(postId: string, staffToo: boolean) {
    const room = `post:${postId}`;
    const ids = nsp().adapter.rooms.get(room);
    if (!ids) return;
    const twin = nsp().adapter.rooms.get(staffTwin(room));
    for (const id of [...ids]) {
      const socket = nsp().sockets.get(id);
      if (socket && (staffToo || !twin?.has(id))) evict(socket, room);
    }
  }

  return {
    reauthorize,
    evictFromPost,
    /** Applies a change to this node's sockets (the relay brings it to every node). */
    async apply(target: AccessTarget) {
      forgetRecovery(target);
      const sockets = socketsOf(target.userId).filter((s) => matches(target, s.data.sessionId));
      const { change } = target;
      await Promise.all(sockets.map((s) => (change.kind === "ended" ? end(s, change) : changeRole(s, change.role))));
    },
    /** One socket, from the periodic re-check: its session ended, or its role is no longer what it was. */
    end,
    changeRole,
    /**
     * Connection-state recovery replays what a socket missed in the rooms it had, before any
     * middleware runs. A recovery is granted only when the member's access is what it was at
     * the disconnect (same role, same session version, no ban); otherwise the socket starts
     * afresh, resubscribes and catches up over HTTP as anyone would.
     */
    guardRecovery(findAccess: (id: string) => Promise<Viewer | null>) {
      const adapter = store();
      const restore = adapter.restoreSession?.bind(adapter);
      if (!restore) return;
      adapter.restoreSession = async (pid, offset) => {
        const session = await restore(pid, offset);
        const was = session?.data?.user;
        if (!session || !was) return session;
        const now = await findAccess(was.id).catch(() => null);
        if (!now || now.ban || now.role !== was.role || now.sessionVersion !== was.sessionVersion) return null;
        return session;
      };
    },
  };
}

export type AccessControl = ReturnType<typeof createAccessControl>;
