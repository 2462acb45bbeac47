/** HTTP conventions of 003 "Usage": error bodies, statuses, paging, sorting, PATCH, the payload rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_NAME, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let hubId: string;
const json = async (response: Response) => (await response.json()) as any;

beforeAll(async () => {
  server = await startTestServer();
  const hubs = await json(await server.api('/hubs'));
  hubId = hubs._embedded.hubs.find((h: { name: string }) => h.name === HUB_NAME).id;
});
afterAll(() => server.close());

describe('error responses', () => {
  it('404s an unknown route and an unknown id with the errors body', async () => {
    for (const path of ['/no-such-thing', `/hubs/000000000000000000000000`, '/folders/nope', '/content-type-schemas/x/1']) {
      const response = await server.api(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/hal\+json/);
      const body = await json(response);
      expect(body.errors[0].message).toMatch(/\w/);
    }
  });

  it('405s a known path asked with another method, naming the allowed ones', async () => {
    const response = await server.api(`/hubs/${hubId}`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PATCH');
    expect((await json(response)).errors[0].message).toMatch(/DELETE/);
  });

  it('415s a body that is not JSON', async () => {
    const response = await server.api(`/hubs/${hubId}/workflow-states`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'label=x',
    });
    expect(response.status).toBe(415);
    expect((await json(response)).errors[0].message).toMatch(/application\/json/);
  });

  it('406s a request that accepts no JSON', async () => {
    const response = await server.api(`/hubs/${hubId}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(406);
  });

  it('400s malformed JSON and names the problem', async () => {
    const response = await server.api(`/hubs/${hubId}/workflow-states`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label": ',
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].message).toMatch(/not valid JSON/);
  });

  it('400s a body of the wrong shape, naming the property and value', async () => {
    const response = await server.api(`/hubs/${hubId}/workflow-states`, { method: 'POST', json: { label: 42 } });
    expect(response.status).toBe(400);
    const [error] = (await json(response)).errors;
    expect(error).toMatchObject({ property: 'label', invalidValue: 42 });
  });

  it('answers a name clash with 409 and the vendor example body, and changes nothing', async () => {
    await server.api(`/hubs/${hubId}/content-repositories`, { method: 'POST', json: { name: 'clash' } });
    const before = (await json(await server.api(`/hubs/${hubId}/content-repositories`))).page.totalElements;
    const response = await server.api(`/hubs/${hubId}/content-repositories`, { method: 'POST', json: { name: 'clash', label: 'Other' } });
    expect(response.status).toBe(409);
    expect((await json(response)).errors).toEqual([
      { entity: 'ContentRepository', property: 'name', invalidValue: 'clash', message: 'name must be unique within the hub' },
    ]);
    expect((await json(await server.api(`/hubs/${hubId}/content-repositories`))).page.totalElements).toBe(before);
  });
});

describe('the payload rule (003 "Payload Considerations")', () => {
  it('accepts the first complete JSON object and ignores what follows', async () => {
    const response = await server.api(`/hubs/${hubId}/workflow-states`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label": "Trailing", "color": "rgb(9,9,9)"}\n}, "unknownProperty": "will be ignored"}',
    });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ label: 'Trailing', color: 'rgb(9,9,9)' });
  });

  it('still refuses a body whose first object is incomplete', async () => {
    const response = await server.api(`/hubs/${hubId}/workflow-states`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label": "x" garbage',
    });
    expect(response.status).toBe(400);
  });
});

describe('PATCH (003 "Guidance on using HTTP PATCH")', () => {
  it('overwrites named fields, keeps omitted ones and replaces nested objects whole', async () => {
    const created = await json(
      await server.api(`/hubs/${hubId}/content-repositories`, { method: 'POST', json: { name: 'patchme', label: 'Patch me', itemLocales: ['en-GB'] } }),
    );
    const patched = await json(await server.api(`/content-repositories/${created.id}`, { method: 'PATCH', json: { label: 'Patched' } }));
    expect(patched).toMatchObject({ name: 'patchme', label: 'Patched', itemLocales: ['en-GB'] });

    await server.api(`/hubs/${hubId}/settings`, {
      method: 'PATCH',
      json: { virtualStagingEnvironment: { hostname: 'vse.example.com' }, localization: { locales: ['en-GB', 'de-DE'] } },
    });
    const settings = await json(await server.api(`/hubs/${hubId}/settings`, { method: 'PATCH', json: { localization: { locales: ['fr-FR'] } } }));
    expect(settings.localization).toEqual({ locales: ['fr-FR'] });
    expect(settings.virtualStagingEnvironment).toEqual({ hostname: 'vse.example.com' });
  });

  it('ignores echoed read-only and unknown fields', async () => {
    const hub = await json(await server.api(`/hubs/${hubId}`));
    const { _links, ...echo } = hub;
    const response = await server.api(`/hubs/${hubId}`, { method: 'PATCH', json: { ...echo, id: 'other', createdBy: 'me', label: 'Relabelled' } });
    expect(response.status).toBe(200);
    const patched = await json(response);
    expect(patched).toMatchObject({ id: hubId, label: 'Relabelled', createdBy: hub.createdBy });
  });

  it('does not rewrite a resource when nothing changes', async () => {
    const state = await json(await server.api(`/hubs/${hubId}/workflow-states`, { method: 'POST', json: { label: 'Same', color: 'rgb(1,1,1)' } }));
    const again = await json(await server.api(`/workflow-states/${state.id}`, { method: 'PATCH', json: { label: 'Same' } }));
    expect(again.lastModifiedDate).toBe(state.lastModifiedDate);
  });

  it('leaves the resource untouched when a PATCH is refused', async () => {
    const before = await json(await server.api(`/hubs/${hubId}`));
    const response = await server.api(`/hubs/${hubId}`, {
      method: 'PATCH',
      json: { label: 'Should not stick', settings: { localization: { locales: ['not a locale'] } } },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].property).toBe('settings.localization.locales');
    expect(await json(await server.api(`/hubs/${hubId}`))).toEqual(before);
  });
});

describe('collections', () => {
  let pagingHub: string;
  beforeAll(async () => {
    const repo = await json(await server.api(`/hubs/${hubId}/content-repositories`, { method: 'POST', json: { name: 'paging' } }));
    pagingHub = repo.id;
    for (const name of ['e', 'c', 'a', 'd', 'b']) {
      await server.api(`/content-repositories/${pagingHub}/folders`, { method: 'POST', json: { name } });
    }
  });
  const folders = (query: string) => server.api(`/content-repositories/${pagingHub}/folders${query}`);

  it('pages with zero-based numbers, totals and links', async () => {
    const first = await json(await folders('?size=2'));
    expect(first.page).toEqual({ size: 2, totalElements: 5, totalPages: 3, number: 0 });
    expect(first._embedded.folders).toHaveLength(2);
    expect(first._links.next.href).toMatch(/page=1&size=2$/);
    expect(first._links.prev).toBeUndefined();
    expect(first._links.last.href).toMatch(/page=2&size=2$/);
    expect(first._links.self.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\/content\/content-repositories\//);

    const last = await json(await folders('?size=2&page=2'));
    expect(last.page.number).toBe(2);
    expect(last._embedded.folders).toHaveLength(1);
    expect(last._links.next).toBeUndefined();
    expect(last._links.prev.href).toMatch(/page=1&size=2$/);

    const names = [first, await json(await folders('?size=2&page=1')), last].flatMap((p) => p._embedded.folders.map((f: any) => f.name));
    expect(new Set(names).size).toBe(5);
  });

  it('answers a page past the end with an empty _embedded list', async () => {
    const body = await json(await folders('?size=2&page=7'));
    expect(body._embedded).toEqual({ folders: [] });
    expect(body.page).toEqual({ size: 2, totalElements: 5, totalPages: 3, number: 7 });
  });

  it('defaults to size 20', async () => {
    expect((await json(await folders(''))).page.size).toBe(20);
  });

  it('sorts by a named field in either direction, keeping other parameters in page links', async () => {
    const asc = await json(await folders('?sort=name,asc&size=3'));
    expect(asc._embedded.folders.map((f: any) => f.name)).toEqual(['a', 'b', 'c']);
    expect(decodeURIComponent(asc._links.next.href)).toContain('sort=name,asc');
    const desc = await json(await folders('?sort=name,desc&size=3'));
    expect(desc._embedded.folders.map((f: any) => f.name)).toEqual(['e', 'd', 'c']);
  });

  it.each([['?size=0'], ['?size=100000'], ['?page=-1'], ['?page=abc'], ['?sort=nope,asc'], ['?sort=name,sideways']])(
    '400s an out-of-range or unknown parameter: %s',
    async (query) => {
      const response = await folders(query);
      expect(response.status).toBe(400);
      expect((await json(response)).errors[0].message).toMatch(/\w/);
    },
  );
});

describe('absolute hrefs', () => {
  it('builds hrefs on DECIBEL_PUBLIC_URL when it is set', async () => {
    const proxied = await startTestServer({ DECIBEL_PUBLIC_URL: 'https://cms.example.com/decibel' });
    try {
      const body = await json(await proxied.api('/hubs'));
      expect(body._embedded.hubs[0]._links.self.href).toMatch(/^https:\/\/cms\.example\.com\/decibel\/v2\/content\/hubs\/[0-9a-f]{24}$/);
    } finally {
      await proxied.close();
    }
  });

  it('follows X-Forwarded-Proto and -Host otherwise', async () => {
    const body = await json(await server.api('/hubs', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'edge.example.org' } }));
    expect(body._embedded.hubs[0]._links.self.href).toMatch(/^https:\/\/edge\.example\.org\/v2\/content\/hubs\//);
  });
});
