import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { RedisClientType } from "redis";

type Opts = { flags?: Record<string, unknown> } & Record<string, unknown>;
type Packet = unknown[];

/** The parts of socket.io-adapter's ClusterAdapter this wrapper steers. */
interface ClusterAdapterLike {
  broadcast(packet: unknown, opts: Opts): unknown;
  broadcastWithAck(packet: unknown, opts: Opts, clientCountCallback: (n: number) => void, ack: (...a: unknown[]) => void): unknown;
  addSockets(opts: Opts, rooms: string[]): unknown;
  delSockets(opts: Opts, rooms: string[]): unknown;
  disconnectSockets(opts: Opts, close: boolean): unknown;
  fetchSockets(opts: Opts): Promise<unknown[]>;
  serverSideEmit(packet: Packet): unknown;
  serverCount(): Promise<number>;
}

const localOnly = (opts: Opts): Opts => ({ ...opts, flags: { ...opts.flags, local: true } });

/**
 * Socket.IO's Redis Streams adapter that keeps serving this node's rooms while Redis is away.
 * The cluster adapter awaits its publish before it delivers locally, and node-redis queues
 * that publish until Redis returns: an outage would hold every local emit, room fetch and
 * disconnect for its whole length. While the link is down, each operation runs as if this
 * node were alone; what other nodes missed meanwhile they read from the database through
 * their comment lanes (ordering.ts).
 *
 * Pub/sub channels are global to a Redis server (not per database), so they are prefixed
 * with the database number: deployments that share a Redis on different databases (or test
 * runs on different logical databases) never hear each other.
 */
export function createResilientAdapter(client: RedisClientType, { url, isUp }: { url: string; isUp: () => boolean }) {
  const database = Number(new URL(url).pathname.slice(1)) || 0;
  const make = createAdapter(client, { channelPrefix: `socket.io-db${database}` });
  return function adapterFor(nsp: Parameters<typeof make>[0]): ReturnType<typeof make> {
    const made = make(nsp);
    const adapter = made as unknown as ClusterAdapterLike;
    const base = {
      broadcast: adapter.broadcast.bind(adapter),
      broadcastWithAck: adapter.broadcastWithAck.bind(adapter),
      addSockets: adapter.addSockets.bind(adapter),
      delSockets: adapter.delSockets.bind(adapter),
      disconnectSockets: adapter.disconnectSockets.bind(adapter),
      fetchSockets: adapter.fetchSockets.bind(adapter),
      serverSideEmit: adapter.serverSideEmit.bind(adapter),
      serverCount: adapter.serverCount.bind(adapter),
    };
    adapter.broadcast = (packet, opts) => base.broadcast(packet, isUp() ? opts : localOnly(opts));
    adapter.broadcastWithAck = (packet, opts, count, ack) => base.broadcastWithAck(packet, isUp() ? opts : localOnly(opts), count, ack);
    adapter.addSockets = (opts, rooms) => base.addSockets(isUp() ? opts : localOnly(opts), rooms);
    adapter.delSockets = (opts, rooms) => base.delSockets(isUp() ? opts : localOnly(opts), rooms);
    adapter.disconnectSockets = (opts, close) => base.disconnectSockets(isUp() ? opts : localOnly(opts), close);
    adapter.fetchSockets = (opts) => base.fetchSockets(isUp() ? opts : localOnly(opts));
    adapter.serverCount = () => (isUp() ? base.serverCount() : Promise.resolve(1));
    adapter.serverSideEmit = (packet) => {
      if (isUp()) return base.serverSideEmit(packet);
      const ack = packet[packet.length - 1];
      if (typeof ack === "function") ack(null, []);
    };
    return made;
  };
}
