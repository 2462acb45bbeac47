/**
 * Assets over GraphQL: 004's example queries as written, ids as global ids or raw UUIDs, assetSearch's
 * keywords, prefixes and OR through the store's full-text engine, filters and sorting, and the
 * mutations that change assets. Assets are recorded through the domain (ingestion comes next).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAsset } from '../../src/domain/media/assets.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { graphqlOk } from '../helpers/graphql.js';

let server: TestServer;
let repositoryId: string;
let folderId: string;
const ids: Record<string, string> = {};

const graphql = (query: string, variables?: unknown) => server.graphql(query, variables);
const ok = (query: string, variables?: unknown) => graphqlOk(server, query, variables);
const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const names = (connection: any) => connection.edges.map((e: any) => e.node.name).sort();

beforeAll(async () => {
  server = await startTestServer();
  const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
  const repository = (await server.deps.store.media.listRepositories(hub.id, 0, 1)).items[0]!;
  repositoryId = repository.id;
  const folder = await ok(`mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: "Bags" }) { id } }`, {
    r: global('AssetRepository', repositoryId),
  });
  folderId = Buffer.from(folder.createAssetFolder.id, 'base64').toString().split(':')[1]!;
  const assets: [string, string, string[], string, string | null][] = [
    ['XS_Red_Bag', 'Red bag', ['red', 'bag'], 'image/jpeg', folderId],
    ['XS_Green_Bag', 'Green bag', ['green', 'bag'], 'image/png', folderId],
    ['XS_Blue_Bag', 'Blue bag', ['blue', 'bag'], 'image/jpeg', null],
    ['redwood-chair', 'Redwood chair', ['chair'], 'image/jpeg', null],
    ['manual', 'Assembly manual', ['docs'], 'application/pdf', null],
  ];
  for (const [name, label, tags, mimeType, folder] of assets) {
    const asset = await recordAsset(server.deps, {
      repositoryId,
      folderId: folder,
      name,
      label,
      tags,
      type: mimeType.startsWith('image/') ? 'IMAGE' : 'DOCUMENT',
      filename: `${name}.${mimeType.split('/')[1]}`,
      mimeType,
      size: 1000,
      blobKey: `test/${name}`,
    });
    ids[name] = asset.id;
  }
});
afterAll(() => server.close());

describe('004 examples, as written', () => {
  it('assetSearch(keyword: "red* OR green*", first: 100)', async () => {
    const data = await ok(`{ assetSearch(keyword: "red* OR green*", first: 100) { edges { node { id name createdDate } } } }`);
    expect(names(data.assetSearch)).toEqual(['XS_Green_Bag', 'XS_Red_Bag', 'redwood-chair']);
  });
  it('assets(assetId: [...]) with raw UUIDs, leaving out ids of no asset', async () => {
    const data = await ok(`query { assets(assetId: ["${ids.XS_Red_Bag}" "${ids.XS_Blue_Bag}" "ffff20e9-99c0-4535-a3d2-615d0fe54b5b"]) { edges { node { id name createdDate } } } }`);
    expect(names(data.assets)).toEqual(['XS_Blue_Bag', 'XS_Red_Bag']);
  });
  it('node(id:) of an asset, with the fields of the SDL', async () => {
    const data = await ok(`query($id: ID!) { node(id: $id) { id ... on Asset { assetId name label type mimeType filename srcName size tags status published publishStatus revisionNumber assetFolder { label } assetRepository { label } } } }`, {
      id: global('Asset', ids.XS_Red_Bag!),
    });
    expect(data.node).toMatchObject({
      assetId: ids.XS_Red_Bag,
      name: 'XS_Red_Bag',
      label: 'Red bag',
      type: 'IMAGE',
      mimeType: 'image/jpeg',
      filename: 'XS_Red_Bag.jpeg',
      srcName: 'XS_Red_Bag.jpeg',
      size: 1000,
      tags: ['red', 'bag'],
      status: 'ACTIVE',
      published: false,
      publishStatus: 'NOT_PUBLISHED',
      revisionNumber: 1,
      assetFolder: { label: 'Bags' },
      assetRepository: { label: 'Assets' },
    });
  });
});

describe('assetSearch', () => {
  const search = async (args: string, variables?: unknown) =>
    (await ok(`query${variables ? '($f: AssetSearchFilters)' : ''} { assetSearch(${args}) { total edges { node { name } } } }`, variables)).assetSearch;

  it('finds everything with *, words ANDed, and is case-insensitive', async () => {
    expect((await search('keyword: "*", first: 100')).total).toBe(5);
    expect(names(await search('keyword: "BLUE bag", first: 100'))).toEqual(['XS_Blue_Bag']);
    expect(names(await search('keyword: "manual", first: 100'))).toEqual(['manual']);
  });
  it('filters by repository, folder (raw, global or "no folder"), tags and MIME type', async () => {
    expect(names(await search('keyword: "bag", first: 100, filters: $f', { f: { assetFolderId: [folderId] } }))).toEqual(['XS_Green_Bag', 'XS_Red_Bag']);
    expect(names(await search('keyword: "*", first: 100, filters: $f', { f: { assetFolderId: [global('AssetFolder', '00000000-0000-0000-0000-000000000000')] } }))).toEqual([
      'XS_Blue_Bag',
      'manual',
      'redwood-chair',
    ]);
    expect((await search('keyword: "*", first: 100, filters: $f', { f: { assetRepositoryId: [global('AssetRepository', repositoryId)] } })).total).toBe(5);
    expect(names(await search('keyword: "*", first: 100, filters: $f', { f: { tags: ['green', 'chair'] } }))).toEqual(['XS_Green_Bag', 'redwood-chair']);
    expect(names(await search('keyword: "*", first: 100, filters: $f', { f: { mimeType: ['application/pdf'] } }))).toEqual(['manual']);
  });
  it('sorts, and pages with first/after', async () => {
    const sorted = await ok(`{ assetSearch(keyword: "*", first: 2, sort: { label: ASC }) { total edges { node { label } } pageInfo { hasNextPage endCursor } } }`);
    expect(sorted.assetSearch.edges.map((e: any) => e.node.label)).toEqual(['Assembly manual', 'Blue bag']);
    expect(sorted.assetSearch.pageInfo.hasNextPage).toBe(true);
    const next = await ok(`query($after: String) { assetSearch(keyword: "*", first: 2, after: $after, sort: { label: ASC }) { edges { node { label } } } }`, {
      after: sorted.assetSearch.pageInfo.endCursor,
    });
    expect(next.assetSearch.edges.map((e: any) => e.node.label)).toEqual(['Green bag', 'Red bag']);
  });
  it('lists a folder\'s and a repository\'s assets', async () => {
    const data = await ok(`query($id: ID!) { node(id: $id) { ... on AssetFolder { assets(first: 10) { total edges { node { name } } } } } }`, { id: global('AssetFolder', folderId) });
    expect(names(data.node.assets)).toEqual(['XS_Green_Bag', 'XS_Red_Bag']);
  });
});

describe('changing assets', () => {
  it('updates names, labels and tags, refusing a name another asset has', async () => {
    const updated = await ok(`mutation { updateAsset(input: { id: "${global('Asset', ids.manual!)}", name: "assembly-manual", tags: ["docs", "chair"] }) { name tags revisionNumber } }`);
    expect(updated.updateAsset).toEqual({ name: 'assembly-manual', tags: ['docs', 'chair'], revisionNumber: 2 });
    expect(names(await (async () => (await ok(`{ assetSearch(keyword: "assembly*", first: 10) { edges { node { name } } } }`)).assetSearch)())).toEqual(['assembly-manual']);
    const clash = await graphql(`mutation { updateAsset(input: { id: "${ids.manual}", name: "XS_Red_Bag" }) { name } }`);
    expect(clash.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('searches an asset by its new words only once it changes, and never by its id', async () => {
    await ok(`mutation { updateAsset(input: { id: "${ids.manual}", label: "Flatpack guide", tags: ["howto"] }) { id } }`);
    const total = async (keyword: string) => (await ok(`{ assetSearch(keyword: ${JSON.stringify(keyword)}) { total } }`)).assetSearch.total;
    expect(await total('flatpack')).toBe(1);
    expect(await total('docs')).toBe(0);
    expect(await total(ids.manual!)).toBe(0);
    expect(await total(ids.manual!.slice(0, 8) + '*')).toBe(0);
  });
  it('keeps metadata by schema name', async () => {
    await ok(`mutation($p: JSON!) { updateAssetMetadata(input: { id: "${ids.XS_Blue_Bag}", schemaName: "product", properties: $p }) { id } }`, { p: { sku: 'XS-1' } });
    const data = await ok(`{ node(id: "${global('Asset', ids.XS_Blue_Bag!)}") { ... on Asset { metadata(schemaName: "product") { edges { node { schemaName properties } } } } } }`);
    expect(data.node.metadata.edges).toEqual([{ node: { schemaName: 'product', properties: { sku: 'XS-1' } } }]);
  });
  it('deletes assets (a scalar result, sent without a selection set), which then are gone', async () => {
    const data = await ok(`mutation { deleteAssets(input: { id: ["${global('Asset', ids['redwood-chair']!)}", "ffff20e9-99c0-4535-a3d2-615d0fe54b5b"] }) }`);
    expect(data.deleteAssets).toBe(1);
    expect((await ok(`{ node(id: "${global('Asset', ids['redwood-chair']!)}") { id } }`)).node).toBeNull();
    expect((await ok(`{ assetSearch(keyword: "redwood", first: 10) { total } }`)).assetSearch.total).toBe(0);
  });
  it('refuses more than 1,000 ids for assets with BAD_USER_INPUT', async () => {
    const many = Array.from({ length: 1001 }, () => ids.XS_Red_Bag);
    const { status, body } = await graphql(`query($ids: [ID!]) { assets(assetId: $ids) { total } }`, { ids: many });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  // 004: deleteAssets, unpublishAssets and publishAssets take at most 200 ids (updateAssets as many assets).
  it.each([
    ['deleteAssets', 'mutation($ids: [ID!]!) { deleteAssets(input: { id: $ids }) }'],
    ['unpublishAssets', 'mutation($ids: [ID!]!) { unpublishAssets(input: { id: $ids }) { unpublishJobIds } }'],
    ['publishAssets', 'mutation($ids: [ID!]!) { publishAssets(input: { id: $ids }) { publishJobIds } }'],
  ])('refuses more than 200 ids in %s, changing nothing', async (_, mutation) => {
    const before = await server.deps.store.assets.get(ids.XS_Red_Bag!);
    const { status, body } = await graphql(mutation, { ids: Array.from({ length: 201 }, () => ids.XS_Red_Bag) });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/at most 200/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await server.deps.store.assets.get(ids.XS_Red_Bag!)).toEqual(before);
  });

  it('refuses more than 200 assets in updateAssets, changing nothing', async () => {
    const before = await server.deps.store.assets.get(ids.XS_Red_Bag!);
    const assets = Array.from({ length: 201 }, () => ({ id: ids.XS_Red_Bag, label: 'Changed' }));
    const { status, body } = await graphql('mutation($i: UpdateAssetsInput!) { updateAssets(input: $i) { id } }', { i: { assets } });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/at most 200/);
    expect(await server.deps.store.assets.get(ids.XS_Red_Bag!)).toEqual(before);
  });
});

describe('id limits as settings', () => {
  it('follows DECIBEL_GRAPHQL_MUTATION_IDS and DECIBEL_GRAPHQL_ASSET_IDS', async () => {
    const small = await startTestServer({ DECIBEL_GRAPHQL_MUTATION_IDS: '2', DECIBEL_GRAPHQL_ASSET_IDS: '3' });
    try {
      const id = global('Asset', '00000000-0000-4000-8000-000000000001');
      const deleted = await small.graphql('mutation($ids: [ID!]!) { deleteAssets(input: { id: $ids }) }', { ids: [id, id, id] });
      expect(deleted.body.errors[0].message).toMatch(/at most 2 /);
      expect((await small.graphql('mutation($ids: [ID!]!) { deleteAssets(input: { id: $ids }) }', { ids: [id, id] })).body.data).toEqual({ deleteAssets: 0 });
      const read = await small.graphql('query($ids: [ID!]) { assets(id: $ids) { total } }', { ids: [id, id, id, id] });
      expect(read.body.errors[0].message).toMatch(/at most 3 /);
      expect((await small.graphql('query($ids: [ID!]) { assets(id: $ids) { total } }', { ids: [id, id, id] })).body.data).toEqual({ assets: { total: 0 } });
    } finally {
      await small.close();
    }
  });
});
