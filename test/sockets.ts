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
  /** Extra handshake headers, e.g. X-Forwarded-For behind a (pretend) proxy. */
  headers?: Record<string, string>;
}

const open: TestSocket[] = [];

/** Connects a Socket.IO client to `origin` as `client` (or anonymously) and resolves on connect. */
export function connectSocket(origin: string, client?: Client | null, opts: SocketOptions = {}): Promise<TestSocket> {
  const token = opts.token ?? client?.sessionToken;
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
  if (opts.origin) headers.origin = opts.origin;
  Object.assign(headers, opts.headers);
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

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Resolves with the next `event` payload matching `match`, or rejects after `ms`. Live events
 * arrive in milliseconds; the generous default only keeps a loaded CI machine from flaking.
 */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  match: (payload: Payload<E>) => boolean = () => true,
  ms = 5000,
): Promise<Payload<E>> {
  return waitForEvents(socket, event, 1, match, ms).then(([payload]) => payload);
}

/**
 * Resolves with the next `n` `event` payloads matching `match` (counted from this call), or
 * rejects after `ms` saying how many came. For "all N arrived" without guessing how long N take.
 */
export function waitForEvents<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  n: number,
  match: (payload: Payload<E>) => boolean = () => true,
  ms = 5000,
): Promise<Payload<E>[]> {
  const seen: Payload<E>[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`${seen.length} of ${n} ${String(event)} within ${ms} ms`));
    }, ms);
    const handler = (payload: Payload<E>) => {
      if (!match(payload)) return;
      seen.push(payload);
      if (seen.length < n) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(seen);
    };
    socket.on(event, handler as never);
  });
}

/**
 * Resolves once `done()` holds: checked now, then after every `event` (listeners registered
 * earlier, such as a reader's own, have run by then). For state that events build up, e.g.
 * "the reader holds 200 distinct comments", where a raw event count could double-count.
 */
export function waitUntil<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  done: () => boolean,
  ms = 5000,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`condition not met within ${ms} ms of ${String(event)} events`));
    }, ms);
    const handler = () => {
      if (!done()) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve();
    };
    socket.on(event, handler as never);
  });
}

/** A valid room no test subscribes to: unsubscribing from it changes nothing on the server. */
const BARRIER_ROOM = "post:00000000-0000-4000-8000-000000000000";

/**
 * An ack round-trip on `socket`. A connection delivers its packets in order, so once the ack
 * is back, every event the server emitted to this socket before it handled the request has
 * arrived and its listeners have run. The way to close a negative check ("X did not get Y"):
 * let whatever would have emitted Y happen first, then `await barrier(x)`, then look.
 * (The request is an unsubscribe from a room never joined: no side effects, no event budget.)
 */
export async function barrier(socket: TestSocket): Promise<void> {
  const ack = await socket.timeout(5000).emitWithAck("unsubscribe", { room: BARRIER_ROOM });
  if (!ack.ok) throw new Error(`barrier refused: ${ack.error.code} ${ack.error.message}`);
}

/** Resolves with the reason of the socket's next disconnect. */
export function disconnected(socket: TestSocket): Promise<Socket.DisconnectReason> {
  return new Promise((resolve) => socket.once("disconnect", resolve));
}

/** Collects every `event` payload from now on. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  socket.on(event, ((p: Payload<E>) => seen.push(p)) as never);
  return seen;
}

export async function subscribe(socket: TestSocket, room: string) {
  return socket.timeout(2000).emitWithAck("subscribe", { room });
}

/** Closes every socket these helpers opened. */
export function closeAllSockets() {
  for (const s of open.splice(0)) s.close();
}
