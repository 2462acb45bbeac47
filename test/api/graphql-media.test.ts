/**
 * Media hubs, asset repositories and folders over GraphQL: the connected-nodes query of 004 as written,
 * global ids that round-trip through node, Relay paging rules, and folder mutations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { graphqlOk } from '../helpers/graphql.js';

let server: TestServer;
let repositoryId: string;

const graphql = (query: string, variables?: unknown) => server.graphql(query, variables);
const ok = (query: string, variables?: unknown) => graphqlOk(server, query, variables);
const decode = (id: string) => Buffer.from(id, 'base64').toString('utf8');

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('media hubs and repositories', () => {
  it('runs 004\'s connected-nodes query as written, on the bootstrap media hub and its repository', async () => {
    const data = await ok(`{ viewer { mediaHubs { edges { node { assetRepositories(first: 10) { edges { node { id label
      assetFolders(first: 20) { edges { node { id label } } } } } } } } } } }`);
    const hubs = data.viewer.mediaHubs.edges;
    expect(hubs).toHaveLength(1);
    const [repository] = hubs[0].node.assetRepositories.edges;
    expect(repository.node.label).toBe('Assets');
    expect(decode(repository.node.id)).toMatch(/^AssetRepository:[0-9a-f-]{36}$/);
    expect(repository.node.id).toMatch(/=*$/);
    repositoryId = repository.node.id;
  });

  it('round-trips global ids through node', async () => {
    const data = await ok(`query($id: ID!) { node(id: $id) { __typename id ... on AssetRepository { label mediaHub { id name } } } }`, { id: repositoryId });
    expect(data.node).toMatchObject({ __typename: 'AssetRepository', id: repositoryId, label: 'Assets', mediaHub: { name: 'test-hub' } });
    const hub = await ok(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: data.node.mediaHub.id });
    expect(hub.node).toEqual({ __typename: 'MediaHub', id: data.node.mediaHub.id });
    expect((await ok(`{ node(id: "not-a-global-id") { id } }`)).node).toBeNull();
  });
});

describe('asset folders', () => {
  it('creates nested folders (with global or raw ids), lists, renames and deletes them', async () => {
    const created = await ok(`mutation($input: CreateAssetFolderInput!) { createAssetFolder(input: $input) { id label parent { id } } }`, {
      input: { assetRepositoryId: repositoryId, label: 'Campaigns' },
    });
    const campaigns = created.createAssetFolder;
    expect(campaigns).toMatchObject({ label: 'Campaigns', parent: null });
    const rawRepositoryId = decode(repositoryId).split(':')[1];
    const nested = await ok(`mutation($input: CreateAssetFolderInput!) { createAssetFolder(input: $input) { id label parent { id label } assetRepository { id } } }`, {
      input: { assetRepositoryId: rawRepositoryId, label: 'Summer', parentId: campaigns.id },
    });
    expect(nested.createAssetFolder).toMatchObject({ label: 'Summer', parent: { id: campaigns.id, label: 'Campaigns' }, assetRepository: { id: repositoryId } });

    const tree = await ok(`query($id: ID!) { node(id: $id) { ... on AssetFolder { children { label children { label } } } } }`, { id: campaigns.id });
    expect(tree.node.children).toEqual([{ label: 'Summer', children: [] }]);

    const renamed = await ok(`mutation($id: ID!) { updateAssetFolder(input: { id: $id, label: "Promotions" }) { label } }`, { id: campaigns.id });
    expect(renamed.updateAssetFolder.label).toBe('Promotions');

    const refused = await graphql(`mutation($id: ID!) { deleteAssetFolder(input: { id: $id }) }`, { id: campaigns.id });
    expect(refused.body.errors[0].extensions.code).toBe('CONFLICT');
    await ok(`mutation($id: ID!) { deleteAssetFolder(input: { id: $id }) }`, { id: nested.createAssetFolder.id });
    await ok(`mutation($id: ID!) { deleteAssetFolder(input: { id: $id }) }`, { id: campaigns.id });
    expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: campaigns.id })).node).toBeNull();
  });

  it('refuses ids of another type and blank labels as BAD_USER_INPUT (400)', async () => {
    const wrongType = await graphql(`mutation { createAssetFolder(input: { assetRepositoryId: "${Buffer.from('Asset:00000000-0000-0000-0000-000000000001').toString('base64')}", label: "x" }) { id } }`);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'assetRepositoryId' });
    const blank = await graphql(`mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: " " }) { id } }`, { r: repositoryId });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('Relay paging', () => {
  beforeAll(async () => {
    for (const label of ['a', 'b', 'c', 'd', 'e']) {
      await ok(`mutation($r: ID!, $l: String!) { createAssetFolder(input: { assetRepositoryId: $r, label: $l }) { id } }`, { r: repositoryId, l: `page-${label}` });
    }
  });
  const folders = async (args: string) =>
    graphql(`query($id: ID!) { node(id: $id) { ... on AssetRepository { assetFolders(${args}) { total edges { cursor node { label } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`, {
      id: repositoryId,
    });

  it('pages forwards with first/after and backwards with last/before, with opaque cursors', async () => {
    const first = (await folders('first: 2')).body.data.node.assetFolders;
    expect(first.edges.map((e: any) => e.node.label)).toEqual(['page-a', 'page-b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.total).toBe(5);
    const second = (await folders(`first: 2, after: "${first.pageInfo.endCursor}"`)).body.data.node.assetFolders;
    expect(second.edges.map((e: any) => e.node.label)).toEqual(['page-c', 'page-d']);
    const back = (await folders(`last: 2, before: "${second.pageInfo.endCursor}"`)).body.data.node.assetFolders;
    expect(back.edges.map((e: any) => e.node.label)).toEqual(['page-b', 'page-c']);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it.each([
    ['after: "x"', 'after needs first'],
    ['first: 2, before: "x"', 'first cannot be used with before'],
    ['last: 2', 'last needs before'],
    ['first: -1', 'must not be negative'],
    ['first: 2, after: "bm9wZQ=="', 'not a cursor'],
  ])('refuses %s with BAD_USER_INPUT', async (args, message) => {
    const { status, body } = await folders(args);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(message) });
  });
});
