import type { RunningNode } from "../test/harness";
import type { BareServer } from "./bare";
import type { BenchConfig } from "./config";
import { fanOut, type FanOutTarget } from "./fanout";
import { postComment, type Member } from "./fixtures";
import { heapAfterGcKb, liveRssKb, rssKb } from "./proc";
import { memoryResult, type BenchResults } from "./report";
import { sleep } from "./stats";
import { closeWatchers, combineStorms, joinStorm, type JoinResult, type Watcher } from "./watchers";

interface LiveDeps {
  node: RunningNode;
  bare: BareServer;
  parleyPid: number | null;
  barePid: number | null;
  postId: string;
  writer: Member;
  tokens: string[];
  log: (msg: string) => void;
}

/** The bare server's trigger: it emits exactly the payload it is given. */
export function bareSender(bare: BareServer, room: string, postId: string) {
  let seq = 0;
  const author = { id: crypto.randomUUID(), username: "writer_0000" };
  return async ({ clientId, body }: { clientId: string; body: string }) => {
    // The same shape and size as Parley's comment:created payload (server/dto.ts Comment).
    const comment = {
      id: crypto.randomUUID(),
      postId,
      seq: ++seq,
      body,
      bodyHtml: `<p>${body}</p>\n`,
      author,
      clientId,
      reactions: {},
      createdAt: new Date().toISOString(),
      editedAt: null,
    };
    const res = await fetch(`${bare.origin}/emit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ room, payload: { comment } }),
    });
    if (res.status !== 204) throw new Error(`bare emit failed: ${res.status}`);
  };
}

/**
 * Scenarios 1–3. First one storm per server, with the server's RSS read before and after
 * (the memory figure); those watchers then take the fan-out. Then the timed join storms,
 * alternating bare / Parley members / Parley guests over `rounds`, each on a warm client
 * and closed before the next, so neither side gains from going later.
 */
export async function measureSockets(cfg: BenchConfig, d: LiveDeps, rounds = 2): Promise<Omit<BenchResults, "throughput">> {
  const room = `post:${d.postId}`;
  const n = cfg.watchers;
  const storm = (origin: string, event: "subscribe" | "join", tokens?: string[]) =>
    joinStorm({ origin, event, room, count: n, tokens, timeoutMs: cfg.joinTimeoutMs });

  // A small storm of each kind first, closed again: code paths, JIT and pools warm before the
  // memory reading, yet far from the measured sizes (a full storm would hide the per-socket cost).
  const warm = Math.min(50, Math.max(1, Math.floor(n / 20)));
  await closeWatchers((await joinStorm({ origin: d.bare.origin, event: "join", room, count: warm, timeoutMs: 20_000 })).sockets, 0);
  await closeWatchers(
    (await joinStorm({ origin: d.node.origin, event: "subscribe", room, count: warm, tokens: d.tokens.slice(-warm), timeoutMs: 20_000 }))
      .sockets,
    0,
  );
  await sleep(1000);

  d.log(`memory: ${n} idle watchers on the bare server, then ${n} member watchers on Parley (forced GC, median of 3)`);
  // RSS after forced collections (median of three), then the JS heap as the last one left it.
  const reading = async (pid: number | null) => ({ rssKb: await liveRssKb(pid), heapKb: heapAfterGcKb(pid) });
  const bareBefore = await reading(d.barePid);
  const bareJoin = await storm(d.bare.origin, "join");
  const bareAfter = await reading(d.barePid);
  const parleyBefore = await reading(d.parleyPid);
  const memberJoin = await storm(d.node.origin, "subscribe", d.tokens);
  const parleyAfter = await reading(d.parleyPid);
  const memory = {
    parley: memoryResult(d.parleyPid, parleyBefore, parleyAfter, memberJoin.sockets.length),
    bare: memoryResult(d.barePid, bareBefore, bareAfter, bareJoin.sockets.length),
  };

  const watching = `${memberJoin.sockets.length} Parley and ${bareJoin.sockets.length} bare watchers`;
  d.log(`comment fan-out: ${cfg.comments} comments each to ${watching}, alternating`);
  const targets: FanOutTarget[] = [
    { name: "parley", sockets: memberJoin.sockets, send: (c) => postComment(d.writer, d.postId, c) },
    { name: "bare", sockets: bareJoin.sockets, send: bareSender(d.bare, room, d.postId) },
  ];
  const fan = await fanOut(targets, {
    comments: cfg.comments,
    warmup: cfg.warmupComments,
    gapMs: cfg.gapMs,
    timeoutMs: cfg.deliveryTimeoutMs,
    runTag: crypto.randomUUID().slice(0, 8),
  });
  await closeWatchers(bareJoin.sockets, 0);
  const held = await hold(d, room, memberJoin.sockets, cfg.holdSockets, cfg.joinTimeoutMs);
  await closeWatchers(memberJoin.sockets, 1000);

  d.log(`join storms: ${rounds} rounds of bare / Parley members / Parley guests, ${n} watchers each`);
  const timed = { bare: [] as JoinResult[], members: [] as JoinResult[], guests: [] as JoinResult[] };
  for (let r = 0; r < rounds; r++) {
    for (const [kind, origin, event, tokens] of [
      ["bare", d.bare.origin, "join", undefined],
      ["members", d.node.origin, "subscribe", d.tokens],
      ["guests", d.node.origin, "subscribe", undefined],
    ] as const) {
      const result = await storm(origin, event, tokens ? [...tokens] : undefined);
      await closeWatchers(result.sockets, 1000);
      timed[kind].push(result);
    }
  }

  return {
    fanOut: { parley: fan.parley, bare: fan.bare },
    join: { members: combineStorms(timed.members), guests: combineStorms(timed.guests), bare: combineStorms(timed.bare) },
    memory,
    held,
  };
}

/**
 * Parley holding `total` sockets at once: the member watchers already connected plus guests
 * up to `total`, all subscribed to the post, kept for a few seconds (past a ping round trip of
 * the clients' own) and counted again; RSS after a forced collection.
 */
async function hold(d: LiveDeps, room: string, members: Watcher[], total: number, timeoutMs: number) {
  const extra = Math.max(0, total - members.length);
  d.log(`hold: ${members.length} members + ${extra} guests on Parley at once`);
  const guests = await joinStorm({ origin: d.node.origin, event: "subscribe", room, count: extra, timeoutMs });
  await sleep(3000);
  const connected = [...members, ...guests.sockets].filter((s) => s.connected).length;
  const rss = await liveRssKb(d.parleyPid);
  await closeWatchers(guests.sockets, 0);
  return { target: total, connected, failed: guests.failed, rssKb: rss ?? rssKb(d.parleyPid) };
}
