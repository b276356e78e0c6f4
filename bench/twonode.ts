import { performance } from "node:perf_hooks";
import { startNode, type RunningNode } from "../test/harness";
import { withCookieOf } from "../test/accounts";
import { startPrivateRedis } from "../test/redis-server";
import { startBare, type BareServer } from "./bare";
import type { BenchConfig } from "./config";
import { commentBody, fanOut, type FanOutResult } from "./fanout";
import { postComment, type Member } from "./fixtures";
import { bareSender } from "./live";
import { closeWatchers, joinStorm, openWatcher } from "./watchers";
import { within } from "./stats";

export interface TwoNodeResult {
  parley: FanOutResult;
  bare: FanOutResult;
  /** Emits per second from one bare node to a socket on the other, through Redis. */
  adapter: { emits: number; seconds: number; perSecond: number; received: number };
}

/**
 * The fan-out across two nodes: a private redis-server on a free port, two Parley nodes on it
 * (the run's database and secret) and two bare Socket.IO servers with the same Redis Streams
 * adapter (on Redis database 1, so the streams stay apart). Watchers are split over the two
 * nodes of each; the writer posts to the first node, so half the deliveries cross Redis.
 * Then the adapter's own throughput: one bare node emits a burst to a room whose only socket
 * is on the other node.
 */
export async function twoNodeBench(
  cfg: BenchConfig,
  d: { databaseUrl: string; secret: string; postId: string; writer: Member; tokens: string[]; log: (msg: string) => void },
): Promise<TwoNodeResult> {
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const redis = await startPrivateRedis();
    stops.push(() => redis.stop());
    d.log("two nodes: a private redis-server, two Parley nodes and two bare Socket.IO servers on it");
    const env = { REDIS_URL: redis.url, LOG_LEVEL: "warn" };
    const nodes: RunningNode[] = await Promise.all([0, 1].map(() => startNode({ databaseUrl: d.databaseUrl, secret: d.secret, env })));
    stops.push(...nodes.map((n) => () => n.stop()));
    const bareUrl = `${redis.url}/1`;
    const bares: BareServer[] = await Promise.all([0, 1].map(() => startBare({ redisUrl: bareUrl })));
    stops.push(...bares.map((b) => () => b.stop()));

    const room = `post:${d.postId}`;
    const half = Math.ceil(cfg.watchers / 2);
    const split = <T>(xs: T[]) => [xs.slice(0, half), xs.slice(half, cfg.watchers)];
    const [t0, t1] = split(d.tokens);
    const storm = (origin: string, event: "subscribe" | "join", tokens?: string[], count = tokens?.length ?? half) =>
      joinStorm({ origin, event, room, count, tokens, timeoutMs: cfg.joinTimeoutMs });
    const parleySockets = [
      ...(await storm(nodes[0].origin, "subscribe", t0)).sockets,
      ...(await storm(nodes[1].origin, "subscribe", t1)).sockets,
    ];
    const bareSockets = [
      ...(await storm(bares[0].origin, "join", undefined, t0.length)).sockets,
      ...(await storm(bares[1].origin, "join", undefined, t1.length)).sockets,
    ];
    d.log(`two nodes: ${cfg.comments} comments each to ${parleySockets.length} Parley and ${bareSockets.length} bare watchers`);
    const writer = withCookieOf(d.writer, nodes[0].origin) as Member;
    const fan = await fanOut(
      [
        { name: "parley", sockets: parleySockets, send: (c) => postComment(writer, d.postId, c) },
        { name: "bare", sockets: bareSockets, send: bareSender(bares[0], room, d.postId) },
      ],
      {
        comments: cfg.comments,
        warmup: cfg.warmupComments,
        gapMs: cfg.gapMs,
        timeoutMs: cfg.deliveryTimeoutMs,
        runTag: crypto.randomUUID().slice(0, 8),
      },
    );
    await closeWatchers(parleySockets, 0);
    await closeWatchers(bareSockets, 500);

    const adapter = await adapterThroughput(bares, cfg.quick ? 2000 : 20_000);
    d.log(`two nodes: adapter ${adapter.perSecond.toFixed(0)} emits/s`);
    return { parley: fan.parley, bare: fan.bare, adapter };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}

/** One bare node emits `emits` comments to a room whose one socket is on the other node. */
async function adapterThroughput(bares: BareServer[], emits: number) {
  const room = "burst";
  const watcher = openWatcher(bares[1].origin);
  try {
    await within(10_000, "the adapter watcher's join", new Promise((r) => watcher.once("connect", () => r(undefined))));
    await watcher.emitWithAck("join", { room });
    let received = 0;
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    watcher.on("comment:created", () => {
      if (++received === emits) done();
    });
    const payload = { comment: { body: commentBody("burst"), clientId: null, seq: 0 } };
    const started = performance.now();
    const res = await fetch(`${bares[0].origin}/burst`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ room, payload, count: emits }),
    });
    if (res.status !== 204) throw new Error(`burst failed: ${res.status}`);
    await Promise.race([all, new Promise((r) => setTimeout(r, 60_000))]);
    const seconds = (performance.now() - started) / 1000;
    return { emits, seconds, perSecond: received / seconds, received };
  } finally {
    watcher.close();
  }
}
