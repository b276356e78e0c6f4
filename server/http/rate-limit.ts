import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors";

/** Named limits: points per duration (seconds), multiplied by RATE_LIMIT_SCALE. */
export const LIMITS = {
  register: { points: 5, duration: 3600 },
  // Sign-in, counted per attempt (Discourse's defaults): per client address, and per account
  // (the email tried), so one address cannot try many accounts nor many addresses one account.
  signinAddress: { points: 6, duration: 60 },
  signinAccount: { points: 5, duration: 60 },
  signinAccountHour: { points: 20, duration: 3600 },
  // Every /api/v1 request, per client address.
  api: { points: 200, duration: 60 },
  post: { points: 5, duration: 60 },
  comment: { points: 20, duration: 60 },
  write: { points: 60, duration: 60 },
  /** Reading progress (debounced by the page) and draft autosaves (about one per 2 s of typing). */
  read: { points: 120, duration: 60 },
  draft: { points: 90, duration: 60 },
  report: { points: 10, duration: 600 },
  socketEvent: { points: 30, duration: 10 },
  // Search as you type: a debounced request per pause, per member and per address.
  search: { points: 60, duration: 60 },
  searchIp: { points: 120, duration: 60 },
  // Forgotten passwords: per client address and per email address (a flood is dropped quietly).
  forgotPasswordIp: { points: 20, duration: 3600 },
  forgotPasswordEmail: { points: 3, duration: 3600 },
  verifyEmail: { points: 5, duration: 3600 },
} as const;
export type LimitName = keyof typeof LIMITS;

export interface RateLimiters {
  consume(name: LimitName, key: string): Promise<void>;
}

/**
 * Memory store on one node; Redis (shared by every node) when a client is given, with a
 * per-node memory limiter as insurance: while Redis is unreachable (the client is not ready,
 * or a command fails or times out) each node counts on its own instead of holding requests.
 */
export function createRateLimiters(scale: number, redis?: unknown, hooks: { refused?(name: LimitName): void } = {}): RateLimiters {
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const [name, l] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
    const opts = { keyPrefix: `rl:${name}`, points: Math.max(1, Math.round(l.points * scale)), duration: l.duration };
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({
            ...opts,
            storeClient: redis,
            useRedisPackage: true,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(opts),
          })
        : new RateLimiterMemory(opts),
    );
  }
  return {
    async consume(name, key) {
      try {
        await limiters.get(name)!.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          hooks.refused?.(name);
          const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new AppError("RATE_LIMITED", `too many requests; try again in ${retry}s`, undefined, retry);
        }
        throw err;
      }
    },
  };
}
