import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * 405 with an `Allow` header for a known path asked with another method (003 status table), instead of
 * the router's 404. Call before registering routes, and call the function it returns after them all.
 */
export function answerMethodNotAllowed(app: FastifyInstance): () => void {
  const methodsByUrl = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    methodsByUrl.set(route.url, methods);
  });
  return () =>
    app.register(async (scope) => {
    for (const [url, methods] of [...methodsByUrl]) {
      const missing = METHODS.filter((method) => !methods.has(method));
      if (missing.length === 0) continue;
      const allow = METHODS.filter((method) => methods.has(method)).join(', ');
      scope.route({
        method: missing,
        url,
        handler: async (request) => {
          throw new HttpError(405, `${request.method} is not allowed here; allowed: ${allow}`, { Allow: allow });
        },
      });
    }
    });
}
