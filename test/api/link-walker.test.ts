/**
 * From the hub list, follow every GET relation of every resource met (expanding RFC 6570 templates the
 * way the SDK does) and check each answers 200 with well-formed HAL and absolute hrefs on this server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseTemplate } from 'url-template';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

/** Relations that are actions (POST/PATCH/DELETE), as the SDK uses them; everything else is a GET. */
const ACTIONS = new Set([
  'grant-permission',
  'revoke-permission',
  'member',
  'update',
  'update-settings',
  'archive',
  'unarchive',
  'create-content-repository',
  'register-content-type',
  'create-content-type-schema',
  'create-workflow-state',
  'create-folder',
  'assign-content-type',
  'unassign-content-type',
  'delete-folder',
  'update-folder',
  'create-content-item',
  'update-content-items',
  'restore-version',
  'copy',
  'delivery-key',
  'publish',
  'unpublish',
  'set-locale',
  'edit-workflow',
  'cancel',
  'facet-content-items',
  'filter-content-items',
  'create-localizations',
]);

/** Values for template variables: small pages and the first version. */
const VARIABLES = { page: 0, size: 5, version: 1, query: 'walked' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const hub = ((await (await server.api('/hubs')).json()) as any)._embedded.hubs[0];
  const post = async (path: string, json: unknown) => (await (await server.api(path, { method: 'POST', json })).json()) as any;
  const schemaId = 'https://schema.example.com/walk.json';
  await post(`/hubs/${hub.id}/content-type-schemas`, { schemaId, body: schemaBody(schemaId), validationLevel: 'CONTENT_TYPE' });
  const type = await post(`/hubs/${hub.id}/content-types`, { contentTypeUri: schemaId, settings: { label: 'Walk' } });
  const repos = ((await (await server.api(`/hubs/${hub.id}/content-repositories`)).json()) as any)._embedded['content-repositories'];
  await post(`/content-repositories/${repos[0].id}/content-types`, { contentTypeId: type.id });
  const folder = await post(`/content-repositories/${repos[0].id}/folders`, { name: 'outer' });
  await post(`/folders/${folder.id}/folders`, { name: 'inner' });
  const item = await post(`/content-repositories/${repos[0].id}/content-items`, {
    label: 'Walked',
    folderId: folder.id,
    body: { _meta: { name: 'walked', schema: schemaId }, title: 'hello' },
  });
  await server.api(`/content-items/${item.id}`, { method: 'PATCH', json: { version: 1, label: 'Walked twice' } });
  // Published, so that `planned` (the version live now) has an answer.
  const location = (await server.api(`/content-items/${item.id}/publish`, { method: 'POST', json: {} })).headers.get('location')!;
  while (((await (await server.api(location)).json()) as any).state !== 'COMPLETED') await new Promise((r) => setTimeout(r, 20));
  await post(`/hubs/${hub.id}/workflow-states`, { label: 'Review', color: 'rgb(0,128,255)' });
});
afterAll(() => server.close());

function checkLinks(links: Record<string, { href: string; templated?: boolean }>, where: string) {
  expect(links, where).toBeTypeOf('object');
  expect(links.self, `${where} has self`).toBeDefined();
  for (const [rel, link] of Object.entries(links)) {
    expect(link.href.startsWith(server.apiUrl), `${where} ${rel} is absolute on this server: ${link.href}`).toBe(true);
    expect(Boolean(link.templated), `${where} ${rel} templated iff it has an expression`).toBe(link.href.includes('{'));
  }
}

it('answers every GET relation reachable from the hub list with well-formed HAL', async () => {
  const queue = [`${server.apiUrl}/hubs?page=0&size=5`];
  const seen = new Set<string>();
  const kinds = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await server.api(url);
    expect(response.status, `GET ${url}`).toBe(200);
    expect(response.headers.get('content-type'), url).toMatch(/^application\/hal\+json/);
    const body = (await response.json()) as any;
    checkLinks(body._links, url);

    const resources: any[] = [body];
    if (body._embedded) {
      expect(body.page, `${url} has a page`).toMatchObject({ number: expect.any(Number), totalPages: expect.any(Number) });
      for (const [key, items] of Object.entries(body._embedded)) {
        expect(Array.isArray(items), `${url} _embedded.${key}`).toBe(true);
        kinds.add(key);
        for (const item of items as any[]) {
          checkLinks(item._links, `${url} ${key}[]`);
          resources.push(item);
        }
      }
    }
    for (const resource of resources) {
      for (const [rel, link] of Object.entries(resource._links as Record<string, { href: string; templated?: boolean }>)) {
        if (ACTIONS.has(rel)) continue;
        queue.push(link.templated ? parseTemplate(link.href).expand(VARIABLES) : link.href);
      }
    }
  }
  expect([...kinds].sort()).toEqual(['content-items', 'content-repositories', 'content-type-schemas', 'content-types', 'folders', 'history', 'hubs', 'localization-jobs', 'members', 'workflow-states']);
  expect(seen.size).toBeGreaterThan(15);
});
