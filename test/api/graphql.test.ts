/**
 * The /graphql endpoint (issue 5, first part): authentication, 000's status codes and error bodies,
 * 004's complexity and mutation limits checked before execution, the cost in every response, and the
 * per-client rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function graphql(query: string, { path = '/graphql', variables, token }: { path?: string; variables?: unknown; token?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const bearer = token === undefined ? await server.token() : token;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('POST /graphql', () => {
  it('answers a query with data and its cost in extensions', async () => {
    const { status, body } = await graphql('{ viewer { organization { id } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ viewer: { organization: null } });
    expect(body.extensions.cost).toEqual({ points: 1, limit: 10_000 });
  });

  it('serves /graphql/ too, and takes the scheme in any case', async () => {
    const token = await server.token();
    const response = await fetch(`${server.url}/graphql/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data).toEqual({ __typename: 'Query' });
  });

  it('refuses a request without a valid token with 401', async () => {
    for (const token of [null, 'not-a-token']) {
      const { status, body } = await graphql('{ __typename }', { token });
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers a validation error with 400, graphql-js\'s message and GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await graphql('{ viewer { mediaHub { id } } }');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Cannot query field "mediaHub" on type "Viewer"\. Did you mean "mediaHubs"\?/),
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('answers an unused variable (a validation rule) with GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await graphql('query($n: Int) { __typename }');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Variable "$n" is never used.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await graphql('{ viewer { ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers variables of the wrong type with 400 and BAD_USER_INPUT', async () => {
    const { status, body } = await graphql('query($n: Int) { assetSearch(keyword: "*", first: $n) { total } }', { variables: { n: 'many' } });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/\$n/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a request over 10,000 points before running it, with the vendor\'s error and the cost', async () => {
    const { status, body } = await graphql('{ viewer { mediaHubs { edges { node { assetRepositories(first: 100) { edges { node { assets(first: 101) { total } } } } } } } } }');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Complexity limit exceeded', extensions: { code: 'COMPLEXITY_LIMIT_EXCEEDED', cost: 1 + 1 + 100 + 10_100, limit: 10_000 } });
    expect(body.data).toBeUndefined();
  });

  it('lets exactly 10,000 points through (five mutations), and refuses a sixth mutation', async () => {
    const mutations = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: deleteAssets(input: { id: ["x"] })`).join(' ')} }`;
    const five = await graphql(mutations(5));
    expect(five.body.errors.map((e: any) => e.extensions.code)).not.toContain('COMPLEXITY_LIMIT_EXCEEDED');
    const six = await graphql(mutations(6));
    expect(six.status).toBe(400);
    expect(six.body.errors[0].extensions.code).toBe('MUTATION_LIMIT_EXCEEDED');
  });
});

describe('GET /graphql', () => {
  it('runs queries, and refuses mutations with 405 and Allow: POST', async () => {
    const token = await server.token();
    const get = (query: string) => fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}` } });
    const query = await get('{ __typename }');
    expect(query.status).toBe(200);
    expect(((await query.json()) as any).data).toEqual({ __typename: 'Query' });
    const mutation = await get('mutation { deleteAssets(input: { id: ["x"] }) }');
    expect(mutation.status).toBe(405);
  });
});

describe('rate limit', () => {
  it('allows DECIBEL_GRAPHQL_RATE_LIMIT requests a minute per client, then 429 with Retry-After', async () => {
    const limited = await startTestServer({ DECIBEL_GRAPHQL_RATE_LIMIT: '2' });
    try {
      const token = await limited.token();
      const post = () =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
