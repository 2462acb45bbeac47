/**
 * POST/GET /graphql (and /graphql/): the GraphQL Asset Management API on mercurius (graphql-js, jit),
 * behind the same bearer tokens as the REST API (GraphiQL for a browser's GET: ./graphiql.ts), with
 * 004's limits checked before anything runs —
 * 60 requests a minute per client, at most 5 mutations and 10,000 complexity points per request — and
 * 000's error bodies: `{"errors":[{"message","locations"?,"extensions":{"code"}}]}`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius';
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ApiContext } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import { publicOrigin } from '../http/hal.js';
import { TokenRejected } from '../auth/tokens.js';
import { DomainError } from '../domain/errors.js';
import { authenticate } from '../http/bearer.js';
import { loadAccess } from '../domain/access/access.js';
// Declares `request.access` (the REST API's module augmentation), decorated below for this scope too.
import type {} from '../http/access.js';
import { enforceLimit } from '../http/rate-limit.js';
import { COMPLEXITY_LIMIT, costBreakdown, MAX_MUTATIONS, mutationCount, requestCost } from './complexity.js';
import { serveGraphiql } from './graphiql.js';
import { typeDefs } from './schema.js';
import { resolvers } from './resolvers.js';

export const GRAPHQL_PATH = '/graphql';

/** An error a client caused, with the code and HTTP status 000 gives it. */
export class RequestRefused extends GraphQLError {
  constructor(message: string, code: string, readonly statusCode = 400, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

declare module 'mercurius' {
  interface MercuriusContext {
    /** The request's complexity score, reported in `extensions.cost`. */
    cost?: number;
  }
}

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** Domain refusals in GraphQL's words. */
const DOMAIN_CODES: Record<DomainError['code'], string> = {
  Invalid: 'BAD_USER_INPUT',
  Unsupported: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Forbidden: 'FORBIDDEN',
  LimitExceeded: 'RATE_LIMITED',
};

const PRE_EXECUTION_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'];

/**
 * What mercurius refused before execution: a document that does not parse or validate, or variables that
 * do not fit their declared types (graphql-js's coercion messages), which are the caller's input.
 */
const documentErrorCode = (error: GraphQLError) =>
  /^Syntax Error/.test(error.message)
    ? 'GRAPHQL_PARSE_FAILED'
    : /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)
      ? 'BAD_USER_INPUT'
      : 'GRAPHQL_VALIDATION_FAILED';

/**
 * Errors of an execution (mercurius's errorFormatter): bad variables or arguments are a 400
 * (BAD_USER_INPUT); other errors of resolvers keep the data beside them (200). A resolver's own failure
 * is a bug: its details go to the log, never to the client.
 */
function formatErrors(result: ExecutionResult, context: MercuriusContext) {
  const errors = (result.errors ?? []).map((error) => {
    const json = error.toJSON();
    const original = error.originalError;
    if (json.extensions?.code) return json;
    if (original instanceof DomainError) {
      return { ...json, message: original.message, extensions: { code: DOMAIN_CODES[original.code], details: original.details } };
    }
    // Raised by graphql-js itself during execution: variables that do not fit their types.
    if (!original) return { ...json, extensions: { ...json.extensions, code: 'BAD_USER_INPUT' } };
    context.reply.log.error({ err: original }, 'GraphQL resolver failed');
    return { message: 'Internal server error', locations: json.locations, path: json.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  });
  // Only the caller's own mistakes (bad variables or arguments) make a 400; other errors keep the data (200).
  const callersMistake = errors.every((e) => PRE_EXECUTION_CODES.includes(String(e.extensions?.code)));
  return { statusCode: callersMistake ? 400 : 200, response: { ...(result.data === undefined ? {} : { data: result.data }), errors } };
}

/**
 * Everything refused before execution: a bad token or rate limit (HttpError), a document that does not
 * parse or validate (mercurius's MER_ERR_GQL_VALIDATION), a mutation over GET (405), 004's limits.
 */
function refuse(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const code = (error as FastifyError).code;
  if (error instanceof HttpError) {
    const kind = error.status === 401 ? 'UNAUTHENTICATED' : error.status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
    return reply.code(error.status).headers(error.headers).send(errorBody(error.message, kind));
  }
  if (error instanceof TokenRejected) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer error="invalid_token"').send(errorBody(error.message, 'UNAUTHENTICATED'));
  }
  if (error instanceof RequestRefused) return reply.code(error.statusCode).send({ errors: [error.toJSON()] });
  if (code === 'MER_ERR_GQL_VALIDATION') {
    const graphqlErrors = (error as { errors?: GraphQLError[] }).errors;
    if (!graphqlErrors) return reply.code(400).send(errorBody(`the request body is not valid JSON: ${error.message}`, 'BAD_REQUEST'));
    return reply.code(400).send({ errors: graphqlErrors.map((e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code: documentErrorCode(e) } })) });
  }
  if (code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    return reply.code(405).header('Allow', 'POST').send(errorBody('mutations are sent with POST, not GET', 'METHOD_NOT_ALLOWED'));
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return reply.code(status).send(errorBody(error.message, 'BAD_REQUEST'));
  request.log.error({ err: error }, 'GraphQL request failed');
  return reply.code(500).send(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
}

export async function graphqlApi(app: FastifyInstance, { deps, config, tokens, limits }: ApiContext): Promise<void> {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('access', null as never);
  const graphiql = serveGraphiql(app, { endpoint: GRAPHQL_PATH, publicUrl: config.publicUrl });
  app.addHook('onRequest', async (request, reply) => {
    // GraphiQL's page and files are public (a browser cannot send a token); the queries it sends are not.
    if (graphiql.isFile(request)) return;
    if (graphiql.wantsPage(request)) return graphiql.sendPage(reply);
    request.actor = await authenticate(request, deps, tokens);
    await enforceLimit(limits, 'graphql', request.actor.sid, 'GraphQL');
    // Read once per request (docs/graphql.md "Permissions"): a grant or revocation counts from the next one.
    request.access = await loadAccess(deps, request.actor.sid);
  });
  app.setErrorHandler(refuse);

  await app.register(mercurius, {
    schema: typeDefs,
    resolvers: resolvers as IResolvers,
    path: GRAPHQL_PATH,
    jit: 1,
    graphiql: false,
    context: (request) => {
      let origin: string | undefined;
      return {
        deps,
        actor: request.actor,
        access: request.access,
        // A function, worked out once and only when a resolver needs it (upload and file URLs, an asset
        // page's `url`s): most requests never do. (A getter here made every request a fifth slower:
        // bench/graphql-node.)
        origin: () => (origin ??= publicOrigin(request, config.publicUrl)),
        limits: config.graphqlLimits,
      };
    },
    errorFormatter: formatErrors,
    errorHandler: false,
  });

  // Scores by document (mercurius caches parsed documents, so the same text is the same object) and
  // variables: recomputing walks the whole document, a tenth of a small query's time (bench/).
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const COSTS_PER_DOCUMENT = 100;
  const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string) => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = requestCost(schema, document, { variables, operationName });
    if (!known) costs.set(document, (known = new Map()));
    if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, cost);
    return cost;
  };

  // 004's limits, before anything runs.
  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const request = context.reply.request;
    const operationName = ((request.method === 'GET' ? request.query : request.body) as { operationName?: string } | undefined)?.operationName;
    if (mutationCount(document, operationName) > MAX_MUTATIONS) {
      throw new RequestRefused(`at most ${MAX_MUTATIONS} mutations can be made per request`, 'MUTATION_LIMIT_EXCEEDED');
    }
    let cost: number;
    try {
      cost = costOf(schema, document, variables as Record<string, unknown> | undefined, operationName);
    } catch (error) {
      // Variables that do not fit the operation cannot be costed (nor run).
      if (error instanceof GraphQLError) throw new RequestRefused(error.message, 'BAD_USER_INPUT');
      throw error;
    }
    context.cost = cost;
    if (cost > COMPLEXITY_LIMIT) {
      // Where the points go, so the caller knows which `first` to lower (walked only for a refusal).
      const { costliest } = costBreakdown(schema, document, { variables: variables as Record<string, unknown> | undefined, operationName });
      throw new RequestRefused('Complexity limit exceeded', 'COMPLEXITY_LIMIT_EXCEEDED', 400, { cost, limit: COMPLEXITY_LIMIT, ...(costliest ? { costliest } : {}) });
    }
  });
  app.graphql.addHook('onResolution', async (execution, context) => {
    execution.extensions = { ...execution.extensions, cost: { points: context.cost ?? 0, limit: COMPLEXITY_LIMIT } };
  });
}
