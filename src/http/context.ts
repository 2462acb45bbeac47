import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Actor, Deps } from '../domain/ports.js';
import type { TokenService } from '../auth/tokens.js';
import type { RateLimits } from '../limits/index.js';

/** What every route is given when it is registered; routes hold no state of their own. */
export interface ApiContext {
  deps: Deps;
  config: Config;
  tokens: TokenService;
  limits: RateLimits;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller (set by the auth hook on every API route). */
    actor: Actor;
    /** Absolute base for hrefs, ending in `/v2/content`. */
    base: string;
  }
}

/** A route module: registers one operation (sometimes a pair, like archive/unarchive) on the API scope. */
export type Route = (app: FastifyInstance, ctx: ApiContext) => void;

/** Path-parameter schema for string ids. */
export const idParams = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((name) => [name, { type: 'string', minLength: 1 }])),
});

/** Body schema for PATCH and action bodies: any object (unknown and read-only fields are ignored). */
export const anyObject = { type: 'object' } as const;
