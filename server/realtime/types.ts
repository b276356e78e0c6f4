import type { Server, Socket } from "socket.io";
import type { Viewer } from "../dto";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export interface SocketData {
  /**
   * The member's access row as the node keeps it, shared with their other sockets (never a
   * per-socket copy, never changed in place: a role change puts a new object here); null for an
   * anonymous, read-only connection. Its `sessionId` is unset: the socket's is below.
   */
  user: Readonly<Viewer> | null;
  /** The sign-in session the handshake's cookie named (absent for anonymous sockets). */
  sessionId?: string;
  rooms: Set<string>;
  /** The client address's limit key (server/http/client-address.ts): socket caps per address. */
  address?: string;
}

/** Between nodes, through the adapter: every event a service published (server/realtime/relay.ts). */
export type InterServerEvents = {
  publish: (method: string, args: unknown[]) => void;
};
export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
