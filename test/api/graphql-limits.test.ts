/**
 * What /graphql gives a person: GraphiQL for a browser (served from node_modules, without a token or the
 * rate limit, while queries still need both), and a complexity refusal that names the costliest field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The URLs of the page's scripts and stylesheets. */
const assetUrls = (html: string) => [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((match) => match[1]!);

describe('GraphiQL', () => {
  for (const path of ['/graphql', '/graphql/']) {
    it(`serves the page at ${path} to a browser, without a token, and every file it loads`, async () => {
      const page = await fetch(`${server.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('vary')).toMatch(/accept/i);
      const html = await page.text();
      expect(html).toContain('GraphiQL');
      expect(html).toContain('createFetcher');

      const urls = assetUrls(html);
      expect(urls.map((url) => url.replace(/-[\d.]+\./, '.'))).toEqual([
        '/graphql/graphiql/graphiql.css',
        '/graphql/graphiql/react.js',
        '/graphql/graphiql/react-dom.js',
        '/graphql/graphiql/graphiql.js',
      ]);
      for (const url of urls) {
        const asset = await fetch(`${server.url}${url}`);
        expect(asset.status, url).toBe(200);
        expect(asset.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
        expect(asset.headers.get('cache-control'), url).toContain('immutable');
        expect((await asset.text()).length, url).toBeGreaterThan(1000);
      }
    });
  }

  it('loads nothing from another host', async () => {
    const html = await (await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } })).text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('answers an unknown file with 404', async () => {
    const response = await fetch(`${server.url}/graphql/graphiql/nothing-1.0.0.js`);
    expect(response.status).toBe(404);
  });

  it('keeps queries behind the token, over GET too, even when they ask for HTML', async () => {
    const query = encodeURIComponent('{ __typename }');
    const anonymous = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const fromBrowser = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(fromBrowser.status).toBe(401);

    const authorization = `Bearer ${await server.token()}`;
    const answered = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json', authorization } });
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as any).data).toEqual({ __typename: 'Query' });
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(401);
  });

  it('answers API clients that accept anything with JSON, as before', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: '*/*' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('spends none of the rate limit on the page and its files', async () => {
    const limited = await startTestServer({ DECIBEL_GRAPHQL_RATE_LIMIT: '1' });
    try {
      for (let i = 0; i < 3; i++) {
        const page = await fetch(`${limited.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
        expect(page.status).toBe(200);
        for (const url of assetUrls(await page.text())) expect((await fetch(`${limited.url}${url}`)).status).toBe(200);
      }
      const token = await limited.token();
      const query = () =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      expect((await query()).status).toBe(200);
      expect((await query()).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('complexity refusal', () => {
  it('names the costliest field and its points beside the vendor\'s error', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token()}` },
      body: JSON.stringify({
        query: `query($n: Int) { viewer { ...Hubs } }
          fragment Hubs on Viewer { mediaHubs { edges { node { repos: assetRepositories(first: 100) { edges { node { assets(first: $n) { total } } } } } } } }`,
        variables: { n: 101 },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Complexity limit exceeded',
          extensions: {
            code: 'COMPLEXITY_LIMIT_EXCEEDED',
            cost: 1 + 1 + 100 + 10_100,
            limit: 10_000,
            costliest: { path: 'viewer.mediaHubs.repos.assets', points: 10_100 },
          },
        },
      ],
    });
  });
});
