/**
 * Permissions on the GraphQL Asset Management API (docs/graphql.md "Permissions"): a caller sees the media
 * hubs it holds READ on and nothing else (null, left out of lists and totals, NOT_FOUND like an unknown
 * id); every change needs EDIT on the asset repository, held on it or on its media hub (FORBIDDEN
 * otherwise, with nothing changed, for every id of a bulk mutation). Grants count from the next request,
 * and a PAT acts with its client's rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createPat } from '../../src/auth/clients.js';
import { addAcl, grantRole } from '../../src/domain/access/members.js';
import { recordAsset } from '../../src/domain/media/assets.js';
import { createAssetRepository, createMediaHub } from '../../src/domain/media/media.js';
import type { Asset, AssetFolder, AssetRepository, MediaHub } from '../../src/domain/model.js';
import { CLIENT_ID, startTestServer, type TestServer } from '../helpers/server.js';
import { graphqlOk } from '../helpers/graphql.js';

let server: TestServer;
const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The bootstrap media hub (hub 1) with its repository, and a second media hub (hub 2) with two. */
let hub1: MediaHub;
let hub2: MediaHub;
let repo1: AssetRepository;
let repo2: AssetRepository;
let repo2b: AssetRepository;
let folder1: AssetFolder;
let folder2: AssetFolder;
const assets: Record<string, Asset> = {};

/**
 * reader: READ on hub 1 (the `reader` role), nothing on hub 2.
 * a: reader on hub 1, author (READ, EDIT) on hub 2.
 * b: nothing on hub 1, admin on hub 2.
 * c: READ on hub 2, EDIT only on its second repository (a grant on the repository).
 * nobody: no grant at all.
 */
const tokens: Record<string, string> = {};

async function tokenFor(clientId: string, secret: string): Promise<string> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function newClient(clientId: string): Promise<string> {
  const { secret } = await createClient(server.deps, { clientId });
  return tokenFor(clientId, secret);
}

/** POST /graphql as the bearer of `token`. */
async function as(token: string, query: string, variables?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

async function okAs(token: string, query: string, variables?: unknown) {
  const { status, body } = await as(token, query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/** The bootstrap client, admin of both media hubs: reads back what a refused mutation left. */
const admin = (query: string, variables?: unknown) => graphqlOk(server, query, variables);

/** A refusal of one field: 200, the field null beside the error, and the error's code. */
async function refused(token: string, field: string, code: 'NOT_FOUND' | 'FORBIDDEN', query: string, variables?: unknown) {
  const { status, body } = await as(token, query, variables);
  expect(status).toBe(200);
  expect(body.data).toEqual({ [field]: null });
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]).toMatchObject({ path: [field], extensions: { code } });
  return body.errors[0];
}

const UNKNOWN = '0f0f0f0f-0000-4000-8000-000000000001';

beforeAll(async () => {
  server = await startTestServer({ DECIBEL_GRAPHQL_RATE_LIMIT: '0' });
  const deps = server.deps;
  hub1 = (await deps.store.media.getHubByName('test-hub'))!;
  repo1 = (await deps.store.media.listRepositories(hub1.id, 0, 1)).items[0]!;
  const second = await createMediaHub(deps, { name: 'second-hub', label: 'Second', admins: [CLIENT_ID] });
  hub2 = second.hub;
  repo2 = second.repositories[0]!;
  repo2b = await createAssetRepository(deps, { mediaHubId: hub2.id, label: 'Campaign assets' });
  const folder = async (repository: AssetRepository, label: string) =>
    (await admin(`mutation($r: ID!, $l: String!) { createAssetFolder(input: { assetRepositoryId: $r, label: $l }) { id } }`, {
      r: global('AssetRepository', repository.id),
      l: label,
    })).createAssetFolder.id as string;
  folder1 = (await deps.store.media.getFolder(Buffer.from(await folder(repo1, 'Hub one folder'), 'base64').toString().split(':')[1]!))!;
  folder2 = (await deps.store.media.getFolder(Buffer.from(await folder(repo2, 'Hub two folder'), 'base64').toString().split(':')[1]!))!;
  const record = async (key: string, repository: AssetRepository, name: string, folderId: string | null = null) => {
    assets[key] = await recordAsset(deps, {
      repositoryId: repository.id,
      folderId,
      name,
      label: `${name} shared`,
      tags: ['shared'],
      type: 'IMAGE',
      filename: `${name}.jpg`,
      mimeType: 'image/jpeg',
      size: 100,
      blobKey: `test/${name}`,
    });
  };
  await record('one', repo1, 'one-first', folder1.id);
  await record('oneMore', repo1, 'one-second');
  await record('two', repo2, 'two-first', folder2.id);
  await record('twoMore', repo2, 'two-second');
  await record('twoSpare', repo2, 'two-spare');
  await record('twoMove', repo2, 'two-move');
  await record('twoB', repo2b, 'two-b');

  tokens.reader = await newClient('reader');
  await grantRole(deps, 'reader', 'reader', { type: 'media-hubs', id: hub1.id });
  tokens.a = await newClient('client-a');
  await grantRole(deps, 'client-a', 'reader', { type: 'media-hubs', id: hub1.id });
  await grantRole(deps, 'client-a', 'author', { type: 'media-hubs', id: hub2.id });
  tokens.b = await newClient('client-b');
  await grantRole(deps, 'client-b', 'admin', { type: 'media-hubs', id: hub2.id });
  tokens.c = await newClient('client-c');
  await addAcl(deps, 'client-c', 'media-hubs', hub2.id, ['READ']);
  await addAcl(deps, 'client-c', 'asset-repositories', repo2b.id, ['EDIT']);
  tokens.nobody = await newClient('nobody');
});
afterAll(() => server.close());

const HUBS = `query($first: Int, $after: String) { viewer { mediaHubs(first: $first, after: $after) {
  total pageInfo { hasNextPage endCursor } edges { node { name assetRepositories { total edges { node { label } } } } } } } }`;
const hubNames = (data: any) => data.viewer.mediaHubs.edges.map((e: any) => e.node.name);
const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
const SEARCH = `query($keyword: String, $filters: AssetSearchFilters) { assetSearch(keyword: $keyword, filters: $filters, first: 100) {
  total edges { node { name } } } }`;
const searchNames = (data: any) => data.assetSearch.edges.map((e: any) => e.node.name).sort();

describe('what a caller sees', () => {
  it('viewer.mediaHubs lists only the media hubs the caller holds READ on, with totals and paging to match', async () => {
    expect(hubNames(await admin(HUBS))).toEqual(['second-hub', 'test-hub']);
    const a = await okAs(tokens.a!, HUBS, { first: 1 });
    expect(a.viewer.mediaHubs).toMatchObject({ total: 2, pageInfo: { hasNextPage: true } });
    expect(hubNames(a)).toEqual(['second-hub']);
    const rest = await okAs(tokens.a!, HUBS, { first: 1, after: a.viewer.mediaHubs.pageInfo.endCursor });
    expect(hubNames(rest)).toEqual(['test-hub']);
    expect(rest.viewer.mediaHubs.pageInfo.hasNextPage).toBe(false);

    const b = await okAs(tokens.b!, HUBS, { first: 1 });
    expect(b.viewer.mediaHubs).toMatchObject({ total: 1, pageInfo: { hasNextPage: false } });
    expect(b.viewer.mediaHubs.edges[0].node).toEqual({
      name: 'second-hub',
      assetRepositories: { total: 2, edges: [{ node: { label: 'Assets' } }, { node: { label: 'Campaign assets' } }] },
    });
    expect(hubNames(await okAs(tokens.reader!, HUBS))).toEqual(['test-hub']);
    expect((await okAs(tokens.nobody!, HUBS)).viewer.mediaHubs).toMatchObject({ total: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('node answers null for a media hub, repository, folder or asset the caller cannot see, as for an unknown id', async () => {
    const hidden = [
      global('MediaHub', hub1.id),
      global('AssetRepository', repo1.id),
      global('AssetFolder', folder1.id),
      global('Asset', assets.one!.id),
    ];
    const shown = [global('MediaHub', hub2.id), global('AssetRepository', repo2.id), global('AssetFolder', folder2.id), global('Asset', assets.two!.id)];
    for (const id of hidden) {
      expect((await okAs(tokens.b!, NODE, { id })).node, id).toBeNull();
      expect((await okAs(tokens.a!, NODE, { id })).node, id).toMatchObject({ id });
    }
    for (const id of shown) {
      expect((await okAs(tokens.b!, NODE, { id })).node, id).toMatchObject({ id });
      expect((await okAs(tokens.reader!, NODE, { id })).node, id).toBeNull();
    }
    expect((await okAs(tokens.nobody!, NODE, { id: global('Asset', assets.two!.id) })).node).toBeNull();
  });

  it('assets(ids) leaves out assets of media hubs the caller cannot see', async () => {
    const query = `query($ids: [ID!]) { assets(assetId: $ids) { total edges { node { name } } } }`;
    const ids = [assets.one!.id, assets.two!.id, global('Asset', assets.oneMore!.id), assets.twoB!.id];
    const names = (data: any) => data.assets.edges.map((e: any) => e.node.name);
    expect(names(await admin(query, { ids }))).toEqual(['one-first', 'two-first', 'one-second', 'two-b']);
    const b = await okAs(tokens.b!, query, { ids });
    expect(b.assets.total).toBe(2);
    expect(names(b)).toEqual(['two-first', 'two-b']);
    expect(names(await okAs(tokens.reader!, query, { ids }))).toEqual(['one-first', 'one-second']);
    expect((await okAs(tokens.nobody!, query, { ids })).assets).toMatchObject({ total: 0, edges: [] });
  });

  it('assetSearch finds and counts only visible assets; a filter on an invisible repository or folder matches nothing', async () => {
    const hubTwo = ['two-b', 'two-first', 'two-move', 'two-second', 'two-spare'];
    const all = await admin(SEARCH, { keyword: '*' });
    expect(all.assetSearch.total).toBe(7);
    for (const keyword of ['*', 'shared', 'two*']) {
      const b = await okAs(tokens.b!, SEARCH, { keyword });
      expect(b.assetSearch.total, keyword).toBe(5);
      expect(searchNames(b), keyword).toEqual(hubTwo);
    }
    const reader = await okAs(tokens.reader!, SEARCH, { keyword: 'shared' });
    expect(searchNames(reader)).toEqual(['one-first', 'one-second']);
    expect(reader.assetSearch.total).toBe(2);
    expect((await okAs(tokens.a!, SEARCH, { keyword: '*' })).assetSearch.total).toBe(7);
    expect((await okAs(tokens.nobody!, SEARCH, { keyword: '*' })).assetSearch).toEqual({ total: 0, edges: [] });

    const invisibleFilters = [
      { assetRepositoryId: [global('AssetRepository', repo1.id)] },
      { assetFolderId: [global('AssetFolder', folder1.id)] },
      { assetRepositoryId: [repo1.id], assetFolderId: [folder1.id] },
    ];
    for (const filters of invisibleFilters) {
      expect((await admin(SEARCH, { keyword: '*', filters })).assetSearch.total).toBeGreaterThan(0);
      for (const keyword of ['*', 'shared']) {
        expect((await okAs(tokens.b!, SEARCH, { keyword, filters })).assetSearch, JSON.stringify(filters)).toEqual({ total: 0, edges: [] });
      }
    }
    // A filter naming repositories of both hubs keeps the visible one's assets.
    const mixed = await okAs(tokens.b!, SEARCH, { keyword: 'shared', filters: { assetRepositoryId: [repo1.id, repo2b.id] } });
    expect(searchNames(mixed)).toEqual(['two-b']);
  });
});

/** Reads an asset back as the bootstrap client. */
const assetNow = async (asset: Asset) =>
  (await admin(`query($id: ID!) { node(id: $id) { ... on Asset { name label tags status publishStatus assetFolder { id } } } }`, { id: global('Asset', asset.id) }))
    .node;

describe('asset folders', () => {
  const CREATE = `mutation($r: ID!, $l: String!) { createAssetFolder(input: { assetRepositoryId: $r, label: $l }) { id label } }`;
  const RENAME = `mutation($id: ID!, $l: String!) { updateAssetFolder(input: { id: $id, label: $l }) { label } }`;
  const DELETE = `mutation($id: ID!) { deleteAssetFolder(input: { id: $id }) }`;
  const foldersOf = async (repository: AssetRepository) =>
    (await admin(`query($id: ID!) { node(id: $id) { ... on AssetRepository { assetFolders { total edges { node { label } } } } } }`, {
      id: global('AssetRepository', repository.id),
    })).node.assetFolders;

  it('createAssetFolder: NOT_FOUND in a repository the caller cannot see, FORBIDDEN without EDIT, created with it', async () => {
    const before = await foldersOf(repo1);
    await refused(tokens.b!, 'createAssetFolder', 'NOT_FOUND', CREATE, { r: global('AssetRepository', repo1.id), l: 'x' });
    await refused(tokens.a!, 'createAssetFolder', 'FORBIDDEN', CREATE, { r: global('AssetRepository', repo1.id), l: 'x' });
    // Refused before the input is validated: a blank label tells nothing either.
    await refused(tokens.a!, 'createAssetFolder', 'FORBIDDEN', CREATE, { r: global('AssetRepository', repo1.id), l: ' ' });
    expect(await foldersOf(repo1)).toEqual(before);

    expect((await okAs(tokens.a!, CREATE, { r: global('AssetRepository', repo2.id), l: 'By A' })).createAssetFolder.label).toBe('By A');
    // EDIT held on the repository alone.
    await refused(tokens.c!, 'createAssetFolder', 'FORBIDDEN', CREATE, { r: global('AssetRepository', repo2.id), l: 'x' });
    expect((await okAs(tokens.c!, CREATE, { r: global('AssetRepository', repo2b.id), l: 'By C' })).createAssetFolder.label).toBe('By C');
  });

  it('an invisible object gets the very error of an unknown id', async () => {
    const invisible = await refused(tokens.b!, 'createAssetFolder', 'NOT_FOUND', CREATE, { r: repo1.id, l: 'x' });
    const unknown = await refused(tokens.b!, 'createAssetFolder', 'NOT_FOUND', CREATE, { r: UNKNOWN, l: 'x' });
    expect(JSON.parse(JSON.stringify(invisible).replaceAll(repo1.id, UNKNOWN))).toEqual(unknown);
    const folder = await refused(tokens.b!, 'updateAssetFolder', 'NOT_FOUND', RENAME, { id: folder1.id, l: 'x' });
    const noFolder = await refused(tokens.b!, 'updateAssetFolder', 'NOT_FOUND', RENAME, { id: UNKNOWN, l: 'x' });
    expect(JSON.parse(JSON.stringify(folder).replaceAll(folder1.id, UNKNOWN))).toEqual(noFolder);
  });

  it('updateAssetFolder and deleteAssetFolder need EDIT on the folder\'s repository', async () => {
    const id = global('AssetFolder', folder1.id);
    await refused(tokens.b!, 'updateAssetFolder', 'NOT_FOUND', RENAME, { id, l: 'Renamed' });
    await refused(tokens.a!, 'updateAssetFolder', 'FORBIDDEN', RENAME, { id, l: 'Renamed' });
    await refused(tokens.b!, 'deleteAssetFolder', 'NOT_FOUND', DELETE, { id });
    await refused(tokens.a!, 'deleteAssetFolder', 'FORBIDDEN', DELETE, { id });
    expect((await admin(`query($id: ID!) { node(id: $id) { ... on AssetFolder { label } } }`, { id })).node).toEqual({ label: 'Hub one folder' });

    const created = (await okAs(tokens.b!, CREATE, { r: repo2.id, l: 'Short-lived' })).createAssetFolder;
    await refused(tokens.c!, 'updateAssetFolder', 'FORBIDDEN', RENAME, { id: created.id, l: 'Renamed' });
    expect((await okAs(tokens.a!, RENAME, { id: created.id, l: 'Renamed' })).updateAssetFolder.label).toBe('Renamed');
    expect((await okAs(tokens.b!, DELETE, { id: created.id })).deleteAssetFolder).toBe(true);
  });
});

describe('changing assets', () => {
  const UPDATE = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) { label } }`;
  const UPDATE_MANY = `mutation($assets: [UpdateAssetInput!]!) { updateAssets(input: { assets: $assets }) { label } }`;
  const METADATA = `mutation($id: ID!) { updateAssetMetadata(input: { id: $id, schemaName: "custom", properties: { a: 1 } }) { id } }`;

  it('updateAsset: NOT_FOUND when invisible, FORBIDDEN without EDIT, nothing changed; done with EDIT', async () => {
    const before = await assetNow(assets.one!);
    await refused(tokens.b!, 'updateAsset', 'NOT_FOUND', UPDATE, { input: { id: assets.one!.id, label: 'Changed' } });
    await refused(tokens.a!, 'updateAsset', 'FORBIDDEN', UPDATE, { input: { id: global('Asset', assets.one!.id), label: 'Changed' } });
    expect(await assetNow(assets.one!)).toEqual(before);
    expect((await okAs(tokens.a!, UPDATE, { input: { id: assets.two!.id, label: 'Changed by A' } })).updateAsset.label).toBe('Changed by A');
  });

  it('updateAsset refuses a folder the caller cannot see as an unknown folder', async () => {
    const before = await assetNow(assets.two!);
    const invisible = await refused(tokens.b!, 'updateAsset', 'NOT_FOUND', UPDATE, { input: { id: assets.two!.id, assetFolderId: folder1.id } });
    const unknown = await refused(tokens.b!, 'updateAsset', 'NOT_FOUND', UPDATE, { input: { id: assets.two!.id, assetFolderId: UNKNOWN } });
    expect(JSON.parse(JSON.stringify(invisible).replaceAll(folder1.id, UNKNOWN))).toEqual(unknown);
    expect(await assetNow(assets.two!)).toEqual(before);
  });

  it('updateAssets checks every asset before changing any', async () => {
    const two = await assetNow(assets.twoMore!);
    const one = await assetNow(assets.oneMore!);
    const batch = [
      { id: assets.twoMore!.id, label: 'Batch' },
      { id: assets.oneMore!.id, label: 'Batch' },
    ];
    await refused(tokens.a!, 'updateAssets', 'FORBIDDEN', UPDATE_MANY, { assets: batch });
    await refused(tokens.b!, 'updateAssets', 'NOT_FOUND', UPDATE_MANY, { assets: batch });
    // The editable asset first or last, it stays as it was.
    await refused(tokens.a!, 'updateAssets', 'FORBIDDEN', UPDATE_MANY, { assets: [...batch].reverse() });
    expect(await assetNow(assets.twoMore!)).toEqual(two);
    expect(await assetNow(assets.oneMore!)).toEqual(one);
    expect((await okAs(tokens.b!, UPDATE_MANY, { assets: [batch[0]] })).updateAssets).toEqual([{ label: 'Batch' }]);
  });

  it('updateAssetMetadata needs EDIT', async () => {
    await refused(tokens.b!, 'updateAssetMetadata', 'NOT_FOUND', METADATA, { id: assets.one!.id });
    await refused(tokens.a!, 'updateAssetMetadata', 'FORBIDDEN', METADATA, { id: assets.one!.id });
    await refused(tokens.c!, 'updateAssetMetadata', 'FORBIDDEN', METADATA, { id: assets.two!.id });
    expect((await server.deps.store.assets.get(assets.one!.id))!.metadata).toEqual({});
    await okAs(tokens.c!, METADATA, { id: assets.twoB!.id });
    expect((await server.deps.store.assets.get(assets.twoB!.id))!.metadata).toEqual({ custom: { a: 1 } });
  });

  it('deleteAssets: FORBIDDEN, deleting none, when any asset lacks EDIT; assets the caller cannot see are skipped like unknown ids', async () => {
    const DELETE = `mutation($ids: [ID!]!) { deleteAssets(input: { id: $ids }) }`;
    await refused(tokens.a!, 'deleteAssets', 'FORBIDDEN', DELETE, { ids: [assets.twoSpare!.id, assets.one!.id] });
    expect((await assetNow(assets.twoSpare!)).status).toBe('ACTIVE');
    expect((await okAs(tokens.b!, DELETE, { ids: [assets.one!.id, assets.twoSpare!.id, UNKNOWN] })).deleteAssets).toBe(1);
    expect((await assetNow(assets.twoSpare!))).toBeNull();
    expect((await assetNow(assets.one!)).status).toBe('ACTIVE');
    expect((await okAs(tokens.b!, DELETE, { ids: [assets.one!.id] })).deleteAssets).toBe(0);
    expect((await assetNow(assets.one!)).status).toBe('ACTIVE');
  });
});

describe('publishing', () => {
  const PUBLISH = `mutation($id: ID!) { publishAsset(input: { id: $id }) { publishJobId } }`;
  const PUBLISH_MANY = `mutation($ids: [ID!]!) { publishAssets(input: { id: $ids }) { publishJobIds } }`;
  const UNPUBLISH = `mutation($ids: [ID!]!) { unpublishAssets(input: { id: $ids }) { unpublishJobIds } }`;

  it('publishAsset, publishAssets and unpublishAssets need EDIT on every asset, and queue nothing otherwise', async () => {
    await refused(tokens.b!, 'publishAsset', 'NOT_FOUND', PUBLISH, { id: assets.one!.id });
    await refused(tokens.a!, 'publishAsset', 'FORBIDDEN', PUBLISH, { id: assets.one!.id });
    const mixed = { ids: [assets.twoMore!.id, assets.one!.id] };
    await refused(tokens.a!, 'publishAssets', 'FORBIDDEN', PUBLISH_MANY, mixed);
    await refused(tokens.b!, 'publishAssets', 'NOT_FOUND', PUBLISH_MANY, mixed);
    await refused(tokens.a!, 'unpublishAssets', 'FORBIDDEN', UNPUBLISH, mixed);
    await refused(tokens.b!, 'unpublishAssets', 'NOT_FOUND', UNPUBLISH, mixed);
    expect((await assetNow(assets.twoMore!)).publishStatus).toBe('NOT_PUBLISHED');
    expect((await assetNow(assets.one!)).publishStatus).toBe('NOT_PUBLISHED');

    expect((await okAs(tokens.a!, PUBLISH_MANY, { ids: [assets.twoMore!.id] })).publishAssets.publishJobIds).toHaveLength(1);
    expect((await okAs(tokens.b!, UNPUBLISH, { ids: [assets.twoMore!.id] })).unpublishAssets.unpublishJobIds).toHaveLength(1);
    expect((await okAs(tokens.b!, PUBLISH, { id: assets.two!.id })).publishAsset.publishJobId).toEqual(expect.any(String));
  });
});

describe('ingestion', () => {
  const UPLOAD_URL = 'mutation { createTempFileUploadUrl { uploadUrl downloadUrl } }';
  const CREATE = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { name assetRepository { id } } }`;
  const UPSERT = `mutation($input: CreateUpdateAssetInput!) { createOrUpdateAssetByName(input: $input) { name assetRepository { id } } }`;

  /** An upload URL (as the bootstrap client) with a file PUT to it: a `src` for createAsset. */
  async function uploaded(): Promise<string> {
    const { uploadUrl, downloadUrl } = (await admin(UPLOAD_URL)).createTempFileUploadUrl;
    expect((await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'some text' })).status).toBe(200);
    return downloadUrl;
  }
  const input = (name: string, repository: AssetRepository, src: string, folderId?: string) => ({
    input: { name, type: 'DOCUMENT', filename: `${name}.txt`, src, assetRepositoryId: global('AssetRepository', repository.id), ...(folderId ? { assetFolderId: folderId } : {}) },
  });

  it('createTempFileUploadUrl needs EDIT on some asset repository the caller sees', async () => {
    await refused(tokens.reader!, 'createTempFileUploadUrl', 'FORBIDDEN', UPLOAD_URL);
    await refused(tokens.nobody!, 'createTempFileUploadUrl', 'FORBIDDEN', UPLOAD_URL);
    for (const token of [tokens.a!, tokens.b!, tokens.c!]) {
      expect((await okAs(token, UPLOAD_URL)).createTempFileUploadUrl.uploadUrl).toMatch(/^http/);
    }
  });

  it('createAsset: NOT_FOUND or FORBIDDEN before anything is read or stored; created with EDIT', async () => {
    const src = await uploaded();
    await refused(tokens.b!, 'createAsset', 'NOT_FOUND', CREATE, input('refused-asset', repo1, src));
    await refused(tokens.a!, 'createAsset', 'FORBIDDEN', CREATE, input('refused-asset', repo1, src));
    await refused(tokens.c!, 'createAsset', 'FORBIDDEN', CREATE, input('refused-asset', repo2, src));
    // A folder the caller cannot see is an unknown folder.
    await refused(tokens.b!, 'createAsset', 'NOT_FOUND', CREATE, input('refused-asset', repo2, src, folder1.id));
    expect(await server.deps.store.assets.getByName(hub1.id, 'refused-asset')).toBeUndefined();
    expect(await server.deps.store.assets.getByName(hub2.id, 'refused-asset')).toBeUndefined();
    // The upload was not used up by the refusals.
    const created = (await okAs(tokens.c!, CREATE, input('by-c', repo2b, src))).createAsset;
    expect(created).toEqual({ name: 'by-c', assetRepository: { id: global('AssetRepository', repo2b.id) } });
  });

  it('createOrUpdateAssetByName also needs EDIT where the asset of that name is, when it would move it', async () => {
    const src = await uploaded();
    // two-move is in hub 2's first repository, where client C cannot edit: it may not take it into its own.
    await refused(tokens.c!, 'createOrUpdateAssetByName', 'FORBIDDEN', UPSERT, input('two-move', repo2b, src));
    expect(await server.deps.store.assets.get(assets.twoMove!.id)).toEqual(assets.twoMove);
    await refused(tokens.a!, 'createOrUpdateAssetByName', 'FORBIDDEN', UPSERT, input('one-first', repo1, src));
    await refused(tokens.b!, 'createOrUpdateAssetByName', 'NOT_FOUND', UPSERT, input('one-first', repo1, src));
    expect((await server.deps.store.assets.get(assets.one!.id))!.revisionNumber).toBe(assets.one!.revisionNumber);

    // Client A edits the whole of hub 2: it may move the asset.
    const moved = (await okAs(tokens.a!, UPSERT, input('two-move', repo2b, src))).createOrUpdateAssetByName;
    expect(moved).toEqual({ name: 'two-move', assetRepository: { id: global('AssetRepository', repo2b.id) } });
  });
});

describe('grants and tokens', () => {
  it('a revoked permission counts from the next request', async () => {
    const token = await newClient('revoked');
    await grantRole(server.deps, 'revoked', 'author', { type: 'media-hubs', id: hub2.id });
    const CREATE = `mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: "Revocable" }) { id } }`;
    const created = (await okAs(token, CREATE, { r: repo2.id })).createAssetFolder;

    await server.deps.store.grants.remove('revoked', 'media-hubs', hub2.id, ['EDIT']);
    await refused(token, 'createAssetFolder', 'FORBIDDEN', CREATE, { r: repo2.id });
    expect((await okAs(token, NODE, { id: created.id })).node).toMatchObject({ id: created.id });

    await server.deps.store.grants.remove('revoked', 'media-hubs', hub2.id, ['READ']);
    expect((await okAs(token, NODE, { id: created.id })).node).toBeNull();
    await refused(token, 'createAssetFolder', 'NOT_FOUND', CREATE, { r: repo2.id });
    expect((await okAs(token, HUBS)).viewer.mediaHubs.total).toBe(0);
  });

  it('a PAT acts with its client\'s rights', async () => {
    const { token } = await createPat(server.deps, { clientId: 'client-b' });
    expect(hubNames(await okAs(token, HUBS))).toEqual(['second-hub']);
    expect((await okAs(token, NODE, { id: global('MediaHub', hub1.id) })).node).toBeNull();
    await refused(token, 'createAssetFolder', 'NOT_FOUND', `mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: "By PAT" }) { id } }`, {
      r: repo1.id,
    });
    const folder = await okAs(token, `mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: "By PAT" }) { label } }`, { r: repo2.id });
    expect(folder.createAssetFolder.label).toBe('By PAT');

    const { token: readerPat } = await createPat(server.deps, { clientId: 'reader' });
    await refused(readerPat, 'updateAsset', 'FORBIDDEN', `mutation($id: ID!) { updateAsset(input: { id: $id, label: "x" }) { id } }`, { id: assets.oneMore!.id });
  });
});
