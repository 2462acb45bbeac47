/** Builds the Fastify app: token service, Management API under /v2/content, health, error renderers. */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { Config } from './config.js';
import type { Deps } from './domain/ports.js';
import type { TokenService } from './auth/tokens.js';
import type { RateLimits } from './limits/index.js';
import { authenticate } from './http/bearer.js';
import { tokenRoutes } from './auth/token-route.js';
import { API_PREFIX, apiBase } from './http/hal.js';
import { errorHandler, HAL_JSON, HttpError, sendError } from './http/errors.js';
import { parseJsonBody } from './http/json-body.js';
import { validatorCompiler } from './http/validation.js';
import { answerMethodNotAllowed } from './http/method-not-allowed.js';
import type { ApiContext } from './http/context.js';
import { managementRoutes } from './http/routes/index.js';
import { enforcePermissions } from './http/access.js';
import { loadAccess } from './domain/access/access.js';
import { administrationRoutes, ADMINISTRATION_RULES } from './http/routes/administration/index.js';
import { graphqlApi } from './graphql/index.js';
import { assetFileRoutes } from './http/routes/asset-files/index.js';

export interface AppOptions {
  config: Config;
  deps: Deps;
  tokens: TokenService;
  limits: RateLimits;
}

const RESPONSE_TYPES = ['application/hal+json', 'application/json'];

export function buildApp({ config, deps, tokens, limits }: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: config.logLevel },
    // Hrefs follow X-Forwarded-Proto/-Host when no public URL is configured (docs/configuration.md).
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const context: ApiContext = { deps, config, tokens, limits };

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, [{ message: `no resource at ${request.method} ${request.url.split('?')[0]}` }]),
  );

  // On shutdown, keep-alive connections are closed as soon as their in-flight answer is sent, so they
  // cannot hold the server open (Node's server.close() only closes the ones idle at the time of the call).
  let closer: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    closer = setInterval(() => app.server.closeIdleConnections(), 25).unref();
    done();
  });
  app.addHook('onClose', (_app, done) => {
    clearInterval(closer);
    done();
  });

  const addMethodNotAllowedRoutes = answerMethodNotAllowed(app);
  app.get('/healthz', async () => {
    await deps.store.hubs.get('');
    return { status: 'ok' };
  });

  app.register(async (scope) => tokenRoutes(scope, context));
  app.register(async (api) => managementApi(api, context), { prefix: API_PREFIX });
  app.register(async (scope) => graphqlApi(scope, context));
  app.register(async (scope) => assetFileRoutes(scope, context));
  addMethodNotAllowedRoutes();
  return app;
}

async function managementApi(api: FastifyInstance, context: ApiContext) {
  const { deps, config, tokens } = context;

  api.removeAllContentTypeParsers();
  api.addContentTypeParser(['application/json', 'application/hal+json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  api.decorateRequest('actor', null as never);
  api.decorateRequest('base', '');
  api.addHook('onRequest', async (request, reply) => {
    checkAcceptable(request);
    // The vendor answers with HAL (003 "HAL"); errors carry the same type.
    reply.type(HAL_JSON);
    request.base = apiBase(request, config.publicUrl);
    request.actor = await authenticate(request, deps, tokens);
    request.access = await loadAccess(deps, request.actor.sid);
  });
  enforcePermissions(api, deps, ADMINISTRATION_RULES);

  for (const route of [...managementRoutes, ...administrationRoutes]) route(api, context);
}


function checkAcceptable(request: FastifyRequest): void {
  const accept = request.headers.accept;
  if (!accept || accept.includes('*/*') || accept.includes('json')) return;
  if (!new Negotiator({ headers: { accept } }).mediaType(RESPONSE_TYPES)) {
    throw new HttpError(406, `cannot answer with ${accept}; this API produces ${RESPONSE_TYPES.join(' or ')}`);
  }
}
