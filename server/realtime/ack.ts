import { isAppError } from "../errors";
import { childLogger } from "../logger";
import { asUnavailable } from "../db/outage";
import type { Ack } from "./events";

const log = childLogger("realtime");

/** Maps a handler's outcome to the contract's ack; unknown errors become one generic message. */
export async function withAck<T extends object>(ack: ((r: Ack<T>) => void) | undefined, work: () => Promise<T>): Promise<void> {
  const reply = typeof ack === "function" ? ack : () => {};
  try {
    reply({ ok: true, ...(await work()) } as Ack<T>);
  } catch (err) {
    const known = isAppError(err) ? err : asUnavailable(err);
    if (known) return reply({ ok: false, error: { code: known.code, message: known.message } });
    log.error({ err }, "socket handler failed");
    reply({ ok: false, error: { code: "INTERNAL", message: "something went wrong" } });
  }
}
