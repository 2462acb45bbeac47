/**
 * The rate-limit budgets, in memory and in Redis (when a Redis answers at DECIBEL_TEST_REDIS): what one
 * instance spends, every instance on the same Redis sees.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openRateLimits, type LimitBudgets, type RateLimits } from '../../src/limits/index.js';

const budgets: LimitBudgets = { token: 3, publish: 0, graphql: 60 };
const opened: RateLimits[] = [];
const open = async (options: Partial<Parameters<typeof openRateLimits>[0]> = {}) => {
  const limits = await openRateLimits({ budgets, keyPrefix: `decibel-test-${randomUUID()}`, ...options });
  opened.push(limits);
  return limits;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

const spend = async (limits: RateLimits, times: number, key = 'client-a') => {
  const outcomes = [];
  for (let i = 0; i < times; i += 1) outcomes.push(await limits.take('token', key));
  return outcomes;
};

describe('in memory', () => {
  it('allows the budget, then refuses with the seconds left in the minute', async () => {
    const limits = await open();
    expect(limits.backend).toBe('memory');
    const outcomes = await spend(limits, 4);
    expect(outcomes.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(outcomes[3]!.retryAfter).toBeGreaterThanOrEqual(1);
    expect(outcomes[3]!.retryAfter).toBeLessThanOrEqual(60);
  });

  it('keeps a budget per key and per limit', async () => {
    const limits = await open();
    await spend(limits, 3, 'client-a');
    expect(await limits.take('token', 'client-a')).toBeDefined();
    expect(await limits.take('token', 'client-b')).toBeUndefined();
    expect(await limits.take('graphql', 'client-a')).toBeUndefined();
  });

  it('never refuses a limit set to 0', async () => {
    const limits = await open();
    for (let i = 0; i < 500; i += 1) expect(await limits.take('publish', 'client-a')).toBeUndefined();
  });
});

describe.skipIf(!process.env.DECIBEL_TEST_REDIS)('in Redis', () => {
  const redisUrl = process.env.DECIBEL_TEST_REDIS!;

  it('shares one budget between instances on the same Redis and prefix', async () => {
    const keyPrefix = `decibel-test-${randomUUID()}`;
    const first = await open({ redisUrl, keyPrefix });
    const second = await open({ redisUrl, keyPrefix });
    expect(first.backend).toBe('redis');
    expect(await spend(first, 2)).toEqual([undefined, undefined]);
    expect(await spend(second, 1)).toEqual([undefined]);
    expect(await first.take('token', 'client-a')).toBeDefined();
    expect(await second.take('token', 'client-a')).toBeDefined();
  });

  it('keeps deployments with different prefixes apart', async () => {
    const first = await open({ redisUrl });
    const second = await open({ redisUrl });
    await spend(first, 3);
    expect(await first.take('token', 'client-a')).toBeDefined();
    expect(await second.take('token', 'client-a')).toBeUndefined();
  });

  it('refuses to start when Redis cannot be reached, naming REDIS_URL', async () => {
    await expect(open({ redisUrl: 'redis://127.0.0.1:1' })).rejects.toThrow(/REDIS_URL/);
  });
});
