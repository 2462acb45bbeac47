import type { LimitName, RateLimits } from '../limits/index.js';
import { HttpError } from './errors.js';

/** Spends one request of the caller's budget; over it, a 429 with the errors body and Retry-After. */
export async function enforceLimit(limits: RateLimits, name: LimitName, key: string, what: string): Promise<void> {
  const limited = await limits.take(name, key);
  if (limited) {
    throw new HttpError(429, `too many ${what} requests; retry in ${limited.retryAfter} s`, { 'Retry-After': String(limited.retryAfter) });
  }
}
