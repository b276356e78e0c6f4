import type { Server, Socket } from "socket.io";
import type { Viewer } from "../dto";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export interface SocketData {
  /** null for an anonymous, read-only connection. */
  user: Viewer | null;
  rooms: Set<string>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InterServerEvents = {};
export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
