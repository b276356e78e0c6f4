import pg from "pg";

export interface ChannelListener {
  /** Whether the LISTEN is in place right now (notifications are being heard). */
  live(): boolean;
  /** Closes the connection; no more calls to onMessage or onState follow. */
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** A notification's payload. */
  onMessage(payload: string): void;
  /** true once LISTEN is in place (again); false when the connection is lost. */
  onState(live: boolean): void;
  /** Wait before connecting again after a loss. */
  retryMs?: number;
  connectTimeoutMs?: number;
  /** The connection's application_name, as pg_stat_activity shows it. */
  name?: string;
}

/**
 * LISTENs on one PostgreSQL channel over a connection of its own (a pooled one would be handed
 * to queries), and connects again after any loss, every `retryMs`. What was notified while it
 * was down is gone for good: callers treat `onState(false)` as "I may have missed something".
 */
export function listen(
  url: string,
  channel: string,
  { onMessage, onState, retryMs = 1000, connectTimeoutMs = 3000, name = `parley-listen-${channel}` }: ListenOptions,
): ChannelListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let current: pg.Client | null = null;
  let isLive = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  function lost(client: pg.Client) {
    if (current !== client) return;
    current = null;
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (isLive) {
      isLive = false;
      onState(false);
    }
    if (!stopped) retry = setTimeout(connect, retryMs).unref();
  }

  async function connect() {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      keepAlive: true,
      application_name: name,
    });
    current = client;
    client.on("error", () => lost(client));
    client.on("end", () => lost(client));
    client.on("notification", (message) => {
      if (message.channel === channel && message.payload) onMessage(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      lost(client);
      return;
    }
    if (current !== client) return;
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    isLive = true;
    onState(true);
  }

  void connect();
  return {
    live: () => isLive,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      isLive = false;
      await client?.end().catch(() => {});
    },
  };
}
