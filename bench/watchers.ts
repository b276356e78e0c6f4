import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { SESSION_COOKIE } from "../test/harness";
import { summarize, type Summary } from "./stats";

/** Any Socket.IO client: the bench reads events loosely from Parley and the bare server alike. */
export type Watcher = Socket;

export interface JoinSpec {
  origin: string;
  /** The event that subscribes: Parley's `subscribe`, the bare server's `join`. */
  event: "subscribe" | "join";
  room: string;
  count: number;
  /** Session tokens, one per watcher (Parley members); none: anonymous. */
  tokens?: string[];
  timeoutMs: number;
}

export interface JoinResult {
  sockets: Watcher[];
  /** Per watcher: from creating the client to the subscribe ack, ms (raw, then summarized). */
  times: number[];
  perClient: Summary;
  wallMs: number;
  failed: number;
  /** Failure messages and how often each happened. */
  errors: Record<string, number>;
}

/** One watcher as a browser tab would be, minus polling: websocket only, no reconnection. */
export function openWatcher(origin: string, token?: string): Watcher {
  return io(origin, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
}

/**
 * A join storm: all `count` watchers start at once; each is timed from creation to the ack of
 * its subscribe. Bounded by `timeoutMs`; a watcher that has not finished by then is a failure.
 */
export async function joinStorm(spec: JoinSpec): Promise<JoinResult> {
  const times: number[] = [];
  const errors: Record<string, number> = {};
  const sockets: Watcher[] = [];
  const joined = new Set<Watcher>();
  const fail = (why: string) => void (errors[why] = (errors[why] ?? 0) + 1);
  const started = performance.now();

  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const socket = openWatcher(spec.origin, spec.tokens?.[i]);
      sockets.push(socket);
      socket.once("connect_error", (err) => {
        fail(`connect: ${err.message}`);
        resolve();
      });
      socket.once("connect", () => {
        socket
          .timeout(spec.timeoutMs)
          .emitWithAck(spec.event, { room: spec.room })
          .then((ack: { ok?: boolean; error?: { code?: string } }) => {
            if (!ack?.ok) return fail(`ack: ${ack?.error?.code ?? "not ok"}`);
            times.push(performance.now() - t0);
            joined.add(socket);
          })
          .catch((err: Error) => fail(`ack: ${err.message}`))
          .finally(resolve);
      });
    });

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, spec.timeoutMs)));
  await Promise.race([Promise.all(Array.from({ length: spec.count }, (_, i) => one(i))), deadline]);
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const unfinished = spec.count - times.length - Object.values(errors).reduce((a, b) => a + b, 0);
  if (unfinished > 0) errors[`unfinished after ${spec.timeoutMs} ms`] = unfinished;
  // Only watchers that are in the room go on to the fan-out; the rest are closed now.
  for (const s of sockets) if (!joined.has(s)) s.close();
  return {
    sockets: sockets.filter((s) => joined.has(s)),
    times,
    perClient: summarize(times),
    wallMs,
    failed: spec.count - times.length,
    errors,
  };
}

/** Closes the watchers and gives the server a moment to see the disconnects. */
export async function closeWatchers(sockets: Watcher[], settleMs = 500): Promise<void> {
  for (const s of sockets) s.close();
  sockets.length = 0;
  await new Promise((r) => setTimeout(r, settleMs));
}

/** Several storms of the same kind as one result: times pooled, wall time the storms' mean. */
export function combineStorms(storms: JoinResult[]): JoinResult & { storms: number } {
  const errors: Record<string, number> = {};
  for (const s of storms) for (const [k, v] of Object.entries(s.errors)) errors[k] = (errors[k] ?? 0) + v;
  const times = storms.flatMap((s) => s.times);
  return {
    sockets: [],
    times,
    perClient: summarize(times),
    wallMs: storms.reduce((a, s) => a + s.wallMs, 0) / storms.length,
    failed: storms.reduce((a, s) => a + s.failed, 0),
    errors,
    storms: storms.length,
  };
}
