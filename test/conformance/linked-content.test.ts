/**
 * Linked content and hierarchies: links in bodies are read on every write; children and parents are
 * followed recursively and safely around loops; the SDK's hierarchy calls read the nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamicContent } from 'dc-management-sdk-js';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

const SCHEMA_ID = 'https://schema.example.com/node.json';
const CORE = 'http://bigcontent.io/cms/schema/v1/core#/definitions';
let server: TestServer;
let dc: DynamicContent;
let repositoryId: string;

const json = async (response: Response) => (await response.json()) as any;
const link = (id: string, kind = 'content-link') => ({ _meta: { schema: `${CORE}/${kind}` }, contentType: SCHEMA_ID, id });
async function create(label: string, body: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) {
  const response = await server.api(`/content-repositories/${repositoryId}/content-items`, {
    method: 'POST',
    json: { label, body: { _meta: { schema: SCHEMA_ID, ...meta }, ...body } },
  });
  expect(response.status).toBe(201);
  return json(response);
}
const labelsOf = (page: any) => page._embedded['content-items'].map((i: any) => i.label);

beforeAll(async () => {
  server = await startTestServer();
  dc = server.sdk();
  const hubId = (await json(await server.api('/hubs')))._embedded.hubs[0].id;
  await server.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA_ID, body: schemaBody(SCHEMA_ID) } });
  const type = await json(await server.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA_ID } }));
  repositoryId = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'][0].id;
  await server.api(`/content-repositories/${repositoryId}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
});
afterAll(() => server.close());

describe('linked children and parents', () => {
  it('follows links and references recursively, each item once around a loop', async () => {
    const c = await create('C');
    const b = await create('B', { ref: link(c.id, 'content-reference') });
    const a = await create('A', { items: [link(b.id), { nested: link(b.id) }] });
    // Close the loop: C now links back to A.
    await server.api(`/content-items/${c.id}`, { method: 'PATCH', json: { version: 1, body: { _meta: { schema: SCHEMA_ID }, back: link(a.id) } } });

    const children = await json(await server.api(`/content-items/search/findByIdWithChildren?id=${a.id}`));
    expect(labelsOf(children)).toEqual(['A', 'B', 'C']);
    const parents = await json(await server.api(`/content-items/search/findByIdWithParents?id=${c.id}`));
    expect(labelsOf(parents)).toEqual(['C', 'B', 'A']);
    expect(children._links).toBeDefined();
    // The item's own relation leads there.
    const withChildren = await json(await server.api(a._links['content-item-with-children'].href));
    expect(labelsOf(withChildren)).toEqual(['A', 'B', 'C']);
  });

  it('rereads links on update: a removed link is gone', async () => {
    const target = await create('Target');
    const source = await create('Source', { link: link(target.id) });
    expect(labelsOf(await json(await server.api(`/content-items/search/findByIdWithChildren?id=${source.id}`)))).toEqual(['Source', 'Target']);
    await server.api(`/content-items/${source.id}`, { method: 'PATCH', json: { version: 1, body: { _meta: { schema: SCHEMA_ID } } } });
    expect(labelsOf(await json(await server.api(`/content-items/search/findByIdWithChildren?id=${source.id}`)))).toEqual(['Source']);
  });

  it('skips links to items that do not exist, and 404s an unknown item', async () => {
    const dangling = await create('Dangling', { link: link('00000000-0000-0000-0000-000000000000') });
    expect(labelsOf(await json(await server.api(`/content-items/search/findByIdWithChildren?id=${dangling.id}`)))).toEqual(['Dangling']);
    expect((await server.api('/content-items/search/findByIdWithChildren?id=00000000-0000-0000-0000-000000000001')).status).toBe(404);
  });
});

describe('hierarchies', () => {
  it('reads children and parents through the SDK, and lists without hierarchical children', async () => {
    const root = await create('Countries', {}, { hierarchy: { root: true } });
    const england = await create('England', {}, { hierarchy: { parentId: root.id, root: false } });
    await create('Scotland', {}, { hierarchy: { parentId: root.id, root: false } });
    const lancashire = await create('Lancashire', {}, { hierarchy: { parentId: england.id, root: false } });
    expect(lancashire.hierarchy).toEqual({ parentId: england.id, root: false });

    const children = await dc.hierarchies.children.get(root.id);
    expect(children).toMatchObject({ id: root.id, label: 'Countries', root: true, hasChildren: true, contentTypeUri: SCHEMA_ID });
    expect(children.children.map((c: any) => [c.label, c.hasChildren, c.parentId])).toEqual([
      ['England', true, root.id],
      ['Scotland', false, root.id],
    ]);
    const parents = await dc.hierarchies.parents.get(lancashire.id);
    expect(parents.parents.map((p: any) => p.label)).toEqual(['Countries', 'England']);
    expect((await parents.related.contentItem.get()).label).toBe('Lancashire');

    const listed = await json(await server.api(`/content-repositories/${repositoryId}/content-items?excludeHierarchicalChildren=true&size=100`));
    const labels = labelsOf(listed);
    expect(labels).toContain('Countries');
    expect(labels).not.toContain('England');
    expect(labels).not.toContain('Lancashire');
  });
});
