import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../server/realtime/events";
import { SESSION_COOKIE, type Client } from "./client";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketOptions {
  /** A raw session token to present (forged, expired…); default: the client's own cookie. */
  token?: string;
  /** The Origin header to send; default none (as non-browser clients do). */
  origin?: string;
  transports?: ("websocket" | "polling")[];
  reconnection?: boolean;
  /** First reconnection delay (ms); default 100. */
  reconnectionDelay?: number;
}

const open: TestSocket[] = [];

/** Connects a Socket.IO client to `origin` as `client` (or anonymously) and resolves on connect. */
export function connectSocket(origin: string, client?: Client | null, opts: SocketOptions = {}): Promise<TestSocket> {
  const token = opts.token ?? client?.sessionToken;
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
  if (opts.origin) headers.origin = opts.origin;
  const socket: TestSocket = io(origin, {
    path: "/socket.io",
    transports: opts.transports ?? ["websocket"],
    extraHeaders: headers,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: opts.reconnectionDelay ?? 100,
    reconnectionDelayMax: Math.max(500, opts.reconnectionDelay ?? 0),
    forceNew: true,
  });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The connect_error message a handshake is refused with, or "connected". */
export async function handshakeOutcome(origin: string, client?: Client | null, opts: SocketOptions = {}): Promise<string> {
  try {
    const s = await connectSocket(origin, client, opts);
    s.close();
    return "connected";
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Resolves with the next `event` payload matching `match`, or rejects after `ms`. Live events
 * arrive in milliseconds; the generous default only keeps a loaded CI machine from flaking.
 */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ms = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${String(event)} within ${ms} ms`));
    }, ms);
    const handler = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(payload);
    };
    socket.on(event, handler as never);
  });
}

/** Collects every `event` payload from now on. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((p: Parameters<ServerToClientEvents[E]>[0]) => seen.push(p)) as never);
  return seen;
}

export async function subscribe(socket: TestSocket, room: string) {
  return socket.timeout(2000).emitWithAck("subscribe", { room });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Closes every socket these helpers opened. */
export function closeAllSockets() {
  for (const s of open.splice(0)) s.close();
}
