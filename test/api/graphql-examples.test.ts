/**
 * The GraphQL documents public client code sends (shared/spec/graphql-dam.md S1, S2, S4, S5, S7 and the
 * spec README) and vendor doc 000's error example, sent exactly as written — only ids and URLs are
 * passed in as the clients do. 004's examples are in graphql-assets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { graphqlOk } from '../helpers/graphql.js';
import { startHttpSource, type HttpSource } from '../helpers/http-source.js';
import { jpegWithExif } from '../helpers/images.js';

const photo = jpegWithExif({ width: 40, height: 30, make: 'Nikon', model: 'Z6', dateTime: '2023:01:02 03:04:05' });
let server: TestServer;
let source: HttpSource;
let repositoryId: string; // global id
let folderId: string; // global id

const ok = (query: string, variables?: unknown) => graphqlOk(server, query, variables);
/** graphql-dam.md S1's `extractId`: clients strip the type from a global id before filtering. */
const extractId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

beforeAll(async () => {
  source = await startHttpSource((_request, response) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo));
  server = await startTestServer({ DECIBEL_INGEST_ALLOW: '127.0.0.1', DECIBEL_GRAPHQL_RATE_LIMIT: '0' });
  const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
  repositoryId = Buffer.from(`AssetRepository:${(await server.deps.store.media.listRepositories(hub.id, 0, 1)).items[0]!.id}`).toString('base64');
});
afterAll(async () => {
  await server?.close();
  await source?.close();
});

describe('S5: the vendor examples page', () => {
  it('createAssetFolder without parentId makes a top-level folder', async () => {
    const { createAssetFolder } = await ok(`mutation {
  createAssetFolder(input: { assetRepositoryId: "${repositoryId}", label: "Campaign" }) {
    id
    label
  }
}`);
    expect(createAssetFolder.label).toBe('Campaign');
    folderId = createAssetFolder.id;
  });

  it('lists repositories with their folders and children', async () => {
    const data = await ok(`{
  viewer {
    mediaHubs {
      edges {
        node {
          assetRepositories(first: 10) {
            pageInfo { hasNextPage endCursor }
            edges {
              node {
                id
                label
                assetFolders(first: 20) {
                  pageInfo { hasNextPage endCursor }
                  edges { node { id label children { id label } } }
                }
              }
            }
          }
        }
      }
    }
  }
}`);
    const repository = data.viewer.mediaHubs.edges[0].node.assetRepositories.edges[0].node;
    expect(repository.id).toBe(repositoryId);
    expect(repository.assetFolders.edges.map((e: any) => e.node)).toEqual([{ id: folderId, label: 'Campaign', children: [] }]);
  });

  it('reads the media hub id and type name', async () => {
    const data = await ok('{ viewer { mediaHubs { edges { node { id __typename } } } } }');
    expect(data.viewer.mediaHubs.edges[0].node).toMatchObject({ __typename: 'MediaHub', id: expect.any(String) });
  });
});

describe('S2, S4 and S7: ingestion and publishing scripts', () => {
  let assetId: string;

  it('S2: createAsset with the enum written inline', async () => {
    const data = await ok(`mutation {
  createAsset(input: { name: "preflight-check", type: IMAGE, filename: "x.jpg", src: "${source.url}/x.jpg", assetRepositoryId: "${repositoryId}" }) {
    id
  }
}`);
    assetId = data.createAsset.id;
    expect(Buffer.from(assetId, 'base64').toString()).toMatch(/^Asset:[0-9a-f-]{36}$/);
  });

  it('S4: createAsset with label and folder, then publishAsset { publishJobId }', async () => {
    const created = await ok(`mutation {
  createAsset(input: { name: "blog-hero", type: IMAGE, filename: "hero.jpg", label: "Blog hero", src: "${source.url}/hero.jpg", assetRepositoryId: "${repositoryId}", assetFolderId: "${folderId}" }) { id }
}`);
    const published = await ok(`mutation {
  publishAsset(input: { id: "${created.createAsset.id}" }) { publishJobId }
}`);
    expect(published.publishAsset.publishJobId).toEqual(expect.any(String));
  });

  it('S7: upload URL, createOrUpdateAssetByName, publishAsset and the node read, with variables', async () => {
    const { createTempFileUploadUrl } = await ok('mutation { createTempFileUploadUrl { uploadUrl downloadUrl } }');
    const put = await fetch(createTempFileUploadUrl.uploadUrl, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: photo });
    expect(put.ok).toBe(true);
    const upserted = await ok('mutation($i: CreateUpdateAssetInput!){ createOrUpdateAssetByName(input:$i){ id } }', {
      i: { src: createTempFileUploadUrl.downloadUrl, type: 'IMAGE', name: 'b2b-hero', filename: 'b2b-hero.jpg', assetRepositoryId: repositoryId, assetFolderId: folderId },
    });
    const id = upserted.createOrUpdateAssetByName.id;
    await ok('mutation($i: PublishAssetInput!){ publishAsset(input:$i){ publishJobId } }', { i: { id } });
    const { node } = await ok('query($id: ID!){ node(id:$id){ ... on Asset { id assetId name filename published status } } }', { id });
    expect(node).toMatchObject({ id, assetId: extractId(id), name: 'b2b-hero', filename: 'b2b-hero.jpg', status: 'ACTIVE' });
    expect(typeof node.published).toBe('boolean');
  });

  it('S1: assetSearch with raw ids in filters, folder and repository listings, batched node reads with exif', async () => {
    const search = await ok(
      `query($keyword: String, $folder: String!, $repository: String!, $after: String) {
  assetSearch(keyword: $keyword, first: 20, filters: { assetFolderId: [$folder], assetRepositoryId: [$repository] }, sort: { updatedDate: DESC }, after: $after) {
    total
    pageInfo { hasNextPage endCursor }
    edges { node { id name label updatedDate } }
  }
}`,
      { keyword: '*', folder: extractId(folderId), repository: extractId(repositoryId), after: null },
    );
    expect(search.assetSearch.total).toBe(2);
    expect(search.assetSearch.edges.map((e: any) => e.node.name).sort()).toEqual(['b2b-hero', 'blog-hero']);

    const listings = await ok(
      `query($repo: ID!, $folder: ID!, $after: String) {
  repo: node(id: $repo) { ... on AssetRepository { id label assets(first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id name } } } } }
  folder: node(id: $folder) { ... on AssetFolder { id label children { id label } assets(first: 100, after: $after) { edges { node { id name } } } } }
}`,
      { repo: repositoryId, folder: folderId, after: null },
    );
    expect(listings.repo.assets.edges).toHaveLength(3);
    expect(listings.folder.assets.edges).toHaveLength(2);

    const batched = await ok(
      `query($asset0: ID!, $asset1: ID!) {
  asset0: node(id: $asset0) { id ... on Asset { id name createdDate metadata(schemaName: "exif") { edges { node { schemaName properties } } } } }
  asset1: node(id: $asset1) { id ... on Asset { id name createdDate metadata(schemaName: "exif") { edges { node { schemaName properties } } } } }
}`,
      { asset0: assetId, asset1: search.assetSearch.edges[0].node.id },
    );
    expect(batched.asset0.metadata.edges[0].node).toMatchObject({ schemaName: 'exif', properties: { Make: 'Nikon', Model: 'Z6' } });
    expect(batched.asset1.id).toBe(search.assetSearch.edges[0].node.id);
  });

  it('S1: the "no folder" sentinel id is a valid folder filter', async () => {
    const data = await ok(`{ assetSearch(keyword: "*", filters: { assetFolderId: ["00000000-0000-0000-0000-000000000000"] }) { total } }`);
    expect(data.assetSearch.total).toBe(1);
    const { node } = await ok('{ node(id: "QXNzZXRGb2xkZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw") { id } }');
    expect(node).toBeNull();
  });

  it('S5: assets(id: [...]) { edges { node { label createdDate } } }, dates ISO with milliseconds', async () => {
    const data = await ok(`{
  assets(id: ["${assetId}"]) {
    edges {
      node {
        label
        createdDate
      }
    }
  }
}`);
    expect(data.assets.edges[0].node).toEqual({ label: 'preflight-check', createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
  });

  it('S2: deleteAssets without a selection set returns the count', async () => {
    const data = await ok(`mutation { deleteAssets(input: { id: ["${assetId}"] }) }`);
    expect(data).toEqual({ deleteAssets: 1 });
  });
});

describe('000: the error example', () => {
  it('answers the mistyped field with the vendor message, location and code', async () => {
    const { status, body } = await server.graphql(`{
  assetSearch(keyword: "*", first: 1) {
    edges {
      node {
      mimetype
      }
    }
  }
}`);
    expect(status).toBe(400);
    // The Asset has a `type` field, which graphql-js also suggests (docs/graphql.md).
    expect(body).toEqual({
      errors: [{ message: 'Cannot query field "mimetype" on type "Asset". Did you mean "mimeType" or "type"?', locations: [{ line: 5, column: 7 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });
});
