/**
 * Rate limits (issue 3): fixed budgets per caller per minute, kept by rate-limiter-flexible — in this
 * process by default, in Redis when `REDIS_URL` is set so that every instance behind a load balancer
 * draws on one budget. Decibel never counts requests itself.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The limits Decibel enforces: token issuance per client id, publishing per client (002), GraphQL per client. */
export const LIMIT_NAMES = ['token', 'publish', 'graphql'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** Requests allowed per minute for each limit; 0 turns that limit off. */
export type LimitBudgets = Record<LimitName, number>;

export interface RateLimits {
  /**
   * Spends one request of `key`'s budget for `name`. Resolves to undefined when the request may go ahead,
   * or to the whole seconds to wait before the budget allows another.
   */
  take(name: LimitName, key: string): Promise<{ retryAfter: number } | undefined>;
  /** Where the budgets are kept, for the start-up log. */
  readonly backend: 'memory' | 'redis';
  close(): Promise<void>;
}

export interface LimitsOptions {
  budgets: LimitBudgets;
  /** `redis://…`; unset keeps the budgets in this process. */
  redisUrl?: string;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Told when Redis fails and a request was counted in memory instead. */
  onStoreError?: (error: unknown) => void;
}

const WINDOW_SECONDS = 60;

async function connectRedis(url: string, onError: (error: unknown) => void): Promise<Redis> {
  // Fail start-up with a clear message rather than retrying forever behind the first request.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let connected = false;
  // After start-up, ioredis reconnects by itself; meanwhile requests are counted by the insurance limiter.
  redis.on('error', (error) => {
    if (connected) onError(error);
  });
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at REDIS_URL: ${(error as Error).message}`, { cause: error });
  }
  return redis;
}

export async function openRateLimits({ budgets, redisUrl, keyPrefix, onStoreError }: LimitsOptions): Promise<RateLimits> {
  // When Redis is briefly unreachable a request is counted in this process (the insurance limiter), so a
  // Redis outage neither lifts the limits nor turns every request into a 500.
  const redis = redisUrl ? await connectRedis(redisUrl, (error) => onStoreError?.(error)) : undefined;
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of LIMIT_NAMES) {
    const points = budgets[name];
    if (points === 0) continue;
    const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: `${keyPrefix}:${name}` });
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            points,
            duration: WINDOW_SECONDS,
            keyPrefix: `${keyPrefix}:limit:${name}`,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory,
    );
  }
  return {
    backend: redis ? 'redis' : 'memory',
    async take(name, key) {
      const limiter = limiters.get(name);
      if (!limiter) return undefined;
      try {
        await limiter.consume(key);
        return undefined;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return { retryAfter: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
        throw outcome;
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
