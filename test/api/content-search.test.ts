/**
 * Searching content items (`search-content-items`) with the syntax of 003, end to end through the
 * store's full-text engine (FTS5 on SQLite, tsvector on PostgreSQL): every row of Table 3, fields, exact
 * text, hub scope, and an index kept in step with every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

const SCHEMA_ID = 'https://schema.example.com/fruit.json';
let server: TestServer;
let hubId: string;
let repositoryId: string;
const ids: Record<string, string> = {};

const json = async (response: Response) => (await response.json()) as any;
const find = (q: string, paging = '&size=100') => server.api(`/hubs/${hubId}/content-items/find?q=${encodeURIComponent(q)}${paging}`);
const labels = async (q: string) => ((await json(await find(q)))._embedded['content-items'] as any[]).map((i) => i.label).sort();

beforeAll(async () => {
  server = await startTestServer();
  hubId = (await json(await server.api('/hubs')))._embedded.hubs[0].id;
  await server.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA_ID, body: schemaBody(SCHEMA_ID) } });
  const type = await json(await server.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA_ID } }));
  repositoryId = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'][0].id;
  await server.api(`/content-repositories/${repositoryId}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
  const items: [string, string][] = [
    ['Apple pie', 'a classic with cinnamon'],
    ['Orange juice', 'freshly squeezed'],
    ['Fruit salad', 'Apple and ORANGE in one bowl'],
    ['Hybrid', 'the apple-orange cross'],
    ['Ratio', 'mix apple:orange one to one'],
    ['Banana bread', 'no citrus here'],
  ];
  for (const [label, title] of items) {
    const item = await json(
      await server.api(`/content-repositories/${repositoryId}/content-items`, { method: 'POST', json: { label, body: { _meta: { schema: SCHEMA_ID }, title } } }),
    );
    ids[label] = item.id;
  }
});
afterAll(() => server.close());

describe('Table 3, end to end', () => {
  it('apple: items containing the word apple', async () => {
    expect(await labels('apple')).toEqual(expect.arrayContaining(['Apple pie', 'Fruit salad', 'Ratio']));
    expect(await labels('apple')).not.toContain('Banana bread');
  });
  it('apple orange: both words', async () => {
    expect(await labels('apple orange')).toEqual(expect.arrayContaining(['Fruit salad', 'Ratio']));
    expect(await labels('apple orange')).not.toContain('Apple pie');
    expect(await labels('apple orange')).not.toContain('Orange juice');
  });
  it('apple,orange: either word', async () => {
    expect(await labels('apple,orange')).toEqual(expect.arrayContaining(['Apple pie', 'Orange juice', 'Fruit salad', 'Ratio']));
    expect(await labels('apple,orange')).not.toContain('Banana bread');
  });
  it('apple -orange: apple but not orange', async () => {
    const found = await labels('apple -orange');
    expect(found).toContain('Apple pie');
    expect(found).not.toContain('Fruit salad');
    expect(found).not.toContain('Ratio');
  });
  it('-apple-orange: everything without the word apple-orange', async () => {
    const found = await labels('-apple-orange');
    expect(found).not.toContain('Hybrid');
    expect(found).toEqual(expect.arrayContaining(['Apple pie', 'Banana bread', 'Orange juice']));
  });
  it('label:apple: the word in the label only', async () => {
    expect(await labels('label:apple')).toEqual(['Apple pie']);
  });
  it('"apple:orange": the exact text, colon included', async () => {
    expect(await labels('"apple:orange"')).toEqual(['Ratio']);
  });
  it('apple label:orange: apple anywhere and orange in the label', async () => {
    expect(await labels('apple label:orange')).toEqual([]);
    expect(await labels('juice label:orange')).toEqual(['Orange juice']);
  });
});

describe('search', () => {
  it('is case-insensitive', async () => {
    expect(await labels('APPLE')).toEqual(await labels('apple'));
    expect(await labels('label:BANANA')).toEqual(['Banana bread']);
  });

  it('compares other fields exactly, and combines them with words', async () => {
    expect(await labels(`apple id:${ids['Ratio']}`)).toEqual(['Ratio']);
    expect(await labels(`status:"ACTIVE" contentRepositoryId:"${repositoryId}" label:bread`)).toEqual(['Banana bread']);
    expect((await labels(`schema:"${SCHEMA_ID}"`)).length).toBe(6);
  });

  it('keeps the index in step with every write', async () => {
    await server.api(`/content-items/${ids['Banana bread']}`, {
      method: 'PATCH',
      json: { version: 1, label: 'Banana loaf', body: { _meta: { schema: SCHEMA_ID }, title: 'now with walnuts' } },
    });
    expect(await labels('walnuts')).toEqual(['Banana loaf']);
    expect(await labels('citrus')).toEqual([]);
    expect(await labels('label:bread')).toEqual([]);
  });

  it('answers a malformed query or an unknown field with a 400 saying what is wrong, never a 500', async () => {
    for (const q of ['"unclosed', 'apple,', 'label:', 'apple:orange', '-', ',']) {
      const response = await find(q);
      expect(response.status, q).toBe(400);
      expect((await json(response)).errors[0].property, q).toBe('query');
    }
    expect((await json(await find('apple:orange'))).errors[0].message).toMatch(/cannot search field apple.*quote text holding a colon/);
    expect((await server.api(`/hubs/${hubId}/content-items/find`)).status).toBe(400);
  });

  it('finds nothing for text of no words, and pages and sorts results', async () => {
    expect((await find('"::"')).status).toBe(200);
    const page = await json(await find('apple,orange,banana,walnuts,hybrid', '&size=2&page=1&sort=label,asc'));
    expect(page.page).toMatchObject({ number: 1, size: 2 });
    expect(page._embedded['content-items']).toHaveLength(2);
  });

  it('is scoped to the hub', async () => {
    expect((await server.api(`/hubs/0123456789abcdef01234567/content-items/find?q=apple`)).status).toBe(404);
  });
});

describe('facets (facet-content-items)', () => {
  const facet = (body: unknown, query = '') => server.api(`/hubs/${hubId}/content-items/facet?size=100${query}`, { method: 'POST', json: body });

  beforeAll(async () => {
    for (const [label, locale] of [
      ['Apple pie', 'en-GB'],
      ['Orange juice', 'fr-FR'],
      ['Fruit salad', 'en-GB'],
    ]) {
      const item = await json(await server.api(`/content-items/${ids[label!]}`));
      await server.api(`/content-items/${item.id}/locale`, { method: 'POST', json: { version: item.version, locale } });
    }
  });

  it('counts values per field over the items that pass the other fields\' filters, and returns the matching items without bodies', async () => {
    const response = await facet({
      returnEntities: true,
      fields: [
        { facetAs: 'ENUM', field: 'locale', filter: { type: 'IN', values: ['en-GB'] } },
        { facetAs: 'ENUM', field: 'schema', name: 'type' },
      ],
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body._facets.locale).toEqual([
      { _id: 'en-GB', count: 2 },
      { _id: 'fr-FR', count: 1 },
    ]);
    expect(body._facets.type).toEqual([{ _id: SCHEMA_ID, count: 2 }]);
    const items = body._embedded['content-items'];
    expect(items.map((i: any) => i.label).sort()).toEqual(['Apple pie', 'Fruit salad']);
    expect(items[0].body).toBeUndefined();
    expect(items[0].schema).toBe(SCHEMA_ID);
    expect(body.page.totalElements).toBe(2);
  });

  it('combines with a search query, EXCLUDES values, and returnEntities false', async () => {
    const body = await json(
      await facet(
        { returnEntities: false, fields: [{ facetAs: 'ENUM', field: 'locale', filter: { type: 'EXCLUDES', values: ['fr-FR'] } }] },
        `&query=${encodeURIComponent(`status:"ACTIVE"contentRepositoryId:"${repositoryId}"`)}`,
      ),
    );
    expect(body._embedded['content-items']).toEqual([]);
    expect(body.page.totalElements).toBe(5);
  });

  it('facets dates by range (dc-cli\'s "Last 7 days")', async () => {
    const body = await json(
      await facet({
        fields: [{ facetAs: 'DATE', field: 'lastModifiedDate', filter: { type: 'DATE', values: ['-7:DAYS,NOW'] }, range: { start: 'NOW', end: '-7:DAYS' } }],
        returnEntities: true,
      }),
    );
    expect(body._facets.lastModifiedDate).toEqual([{ _id: '-7:DAYS,NOW', count: 6 }]);
    const old = await json(await facet({ fields: [{ facetAs: 'DATE', field: 'lastModifiedDate', filter: { type: 'DATE', values: ['-100:YEARS,-60:DAYS'] } }] }));
    expect(old.page.totalElements).toBe(0);
  });

  it('refuses unknown fields, facet kinds and bad dates with 400', async () => {
    for (const fields of [
      [{ facetAs: 'ENUM', field: 'colour' }],
      [{ facetAs: 'PIE', field: 'schema' }],
      [{ facetAs: 'DATE', field: 'lastModifiedDate', filter: { type: 'DATE', values: ['last week'] } }],
      [{ facetAs: 'ENUM', field: 'schema', filter: { type: 'LIKE', values: ['x'] } }],
    ]) {
      const response = await facet({ fields });
      expect(response.status, JSON.stringify(fields)).toBe(400);
    }
  });
});

describe('filter by collection key', () => {
  it('selects the active items of the content type the key names', async () => {
    const hub = await json(await server.api(`/hubs/${hubId}`));
    const { createHash } = await import('node:crypto');
    const key = `${hub.name}:${createHash('sha256').update(SCHEMA_ID).digest('hex')}`;
    const response = await server.api(`/hubs/${hubId}/content-items/filter`, {
      method: 'POST',
      json: { collectionKey: key, sortBy: { key: 'label', order: 'ASC' }, page: { size: 3 } },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.page).toMatchObject({ size: 3, totalElements: 6 });
    expect(body._embedded['content-items'].map((i: any) => i.label)).toEqual(['Apple pie', 'Banana loaf', 'Fruit salad']);
    const other = await server.api(`/hubs/${hubId}/content-items/filter`, { method: 'POST', json: { collectionKey: `other-hub:${'0'.repeat(64)}` } });
    expect(other.status).toBe(400);
  });
});
