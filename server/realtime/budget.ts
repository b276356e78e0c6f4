import { env } from "../env";
import { AppError } from "../errors";
import { LIMITS } from "../http/rate-limit";

/**
 * Per-socket event budget: a token bucket of LIMITS.socketEvent (scaled by RATE_LIMIT_SCALE),
 * refilled continuously. A socket lives on one node, so memory is the right store here.
 */
export function createSocketBudget(refused?: (rule: "socketEvent") => void) {
  const { points, duration } = LIMITS.socketEvent;
  const capacity = points * env.RATE_LIMIT_SCALE;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const spend = async (socket: { id: string }) => {
    const now = Date.now();
    const b = buckets.get(socket.id) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / (duration * 1000)) * capacity);
    b.at = now;
    if (b.tokens < 1) {
      refused?.("socketEvent");
      throw new AppError("RATE_LIMITED", "slow down", undefined, Math.ceil(duration / points));
    }
    b.tokens -= 1;
    buckets.set(socket.id, b);
  };
  return Object.assign(spend, { forget: (socketId: string) => void buckets.delete(socketId) });
}
