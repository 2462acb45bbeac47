/**
 * Asset ingestion (000 "Asset ingestion"): createAsset and createOrUpdateAssetByName download `src` from
 * a local HTTP server (opened through DECIBEL_INGEST_ALLOW) with the vendor's User-Agent, and record the
 * sniffed type, size, image dimensions and EXIF; every failure leaves neither an asset nor a blob; private
 * destinations are refused without the allow list, also behind a redirect; upload URLs ingest local files.
 */
import type http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { graphqlOk } from '../helpers/graphql.js';
import { createAssetFolder, createAssetRepository } from '../../src/domain/media/media.js';
import { jpegWithExif, png } from '../helpers/images.js';
import { startHttpSource, type HttpSource } from '../helpers/http-source.js';

const photo = jpegWithExif({ width: 640, height: 480, make: 'Canon', model: 'EOS 5D', dateTime: '2024:05:06 07:08:09', orientation: 6, padding: 3000 });
const MAX_BYTES = 100_000;

let source: HttpSource;
let sourceUrl: string;
const userAgents: string[] = [];
let server: TestServer;
let repositoryId: string;

/** The files and failures the ingestion tests download. */
function serveSources(request: http.IncomingMessage, response: http.ServerResponse) {
  userAgents.push(String(request.headers['user-agent']));
  const send = (type: string, body: Buffer | string) => response.writeHead(200, { 'content-type': type }).end(body);
  switch (request.url) {
    case '/photo.jpg':
      return send('image/jpeg', photo);
    case '/mislabelled':
      return send('text/plain', photo);
    case '/small.png':
      return send('image/png', png(3, 2));
    case '/notes.txt':
      return send('text/plain; charset=utf-8', 'just some words\n');
    case '/big':
      return send('application/octet-stream', Buffer.alloc(MAX_BYTES + 1));
    case '/big-unannounced':
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 11; i += 1) response.write(Buffer.alloc(10_000));
      return response.end();
    case '/slow':
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      response.write(photo.subarray(0, 100));
      return; // never finished
    case '/to-photo':
      return response.writeHead(302, { location: '/photo.jpg' }).end();
    case '/to-metadata':
      return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    default:
      return response.writeHead(404).end('not here');
  }
}

const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const rawOf = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

const ok = (query: string, variables?: unknown, on = server) => graphqlOk(on, query, variables);

const CREATE = `mutation($input: CreateAssetInput!) {
  createAsset(input: $input) { id assetId name label mimeType size width height type filename status publishStatus revisionNumber
    metadata(schemaName: "exif") { edges { node { schemaName properties } } } }
}`;
const createInput = (name: string, src: string, extra: Record<string, unknown> = {}) => ({
  input: { name, type: 'IMAGE', filename: `${name}.jpg`, src, assetRepositoryId: global('AssetRepository', repositoryId), ...extra },
});

/** Every file in the blob folder, so that tests can see nothing was left behind. */
async function blobFiles(on = server): Promise<string[]> {
  const root = path.join(on.config.dataDir, 'blobs');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !path.relative(root, e.parentPath).split(path.sep).some((part) => part.startsWith('.'))).map((e) => path.join(e.parentPath, e.name));
}

const assetCount = async (on = server) => (await ok('{ assetSearch(keyword: "*", filters: { status: [ACTIVE, DELETED] }) { total } }', undefined, on)).assetSearch.total;

beforeAll(async () => {
  source = await startHttpSource(serveSources);
  sourceUrl = source.url;
  server = await startTestServer({
    DECIBEL_INGEST_ALLOW: '127.0.0.1',
    DECIBEL_INGEST_MAX_BYTES: String(MAX_BYTES),
    DECIBEL_INGEST_TIMEOUT: '1',
    DECIBEL_GRAPHQL_RATE_LIMIT: '0',
  });
  const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
  repositoryId = (await server.deps.store.media.listRepositories(hub.id, 0, 1)).items[0]!.id;
});
afterAll(async () => {
  await server?.close();
  await source.close();
});

describe('createAsset from a URL', () => {
  it('downloads with the vendor User-Agent and records type, size, dimensions and EXIF', async () => {
    userAgents.length = 0;
    const { createAsset: asset } = await ok(CREATE, createInput('canon-shot', `${sourceUrl}/photo.jpg`, { label: 'A shot', tags: ['camera'] }));
    expect(userAgents).toEqual(['amplience-dam-api/1.5.0']);
    expect(asset).toMatchObject({
      name: 'canon-shot',
      label: 'A shot',
      mimeType: 'image/jpeg',
      size: photo.length,
      width: 640,
      height: 480,
      type: 'IMAGE',
      filename: 'canon-shot.jpg',
      status: 'ACTIVE',
      publishStatus: 'NOT_PUBLISHED',
      revisionNumber: 1,
    });
    const exif = asset.metadata.edges[0].node;
    expect(exif.schemaName).toBe('exif');
    expect(exif.properties).toMatchObject({ Make: 'Canon', Model: 'EOS 5D', Orientation: 'Rotate 90 CW' });
    expect(exif.properties.ModifyDate).toMatch(/^2024-05-0\dT/);
    // The bytes are in the blob store, whole.
    const stored = (await server.deps.store.assets.get(asset.assetId))!;
    const blob = await server.deps.blobs.get(stored.blobKey);
    expect(blob?.size).toBe(photo.length);
    blob?.body.destroy();
    // And the asset round-trips through node.
    const { node } = await ok('query($id: ID!) { node(id: $id) { ... on Asset { assetId name } } }', { id: asset.id });
    expect(node).toEqual({ assetId: asset.assetId, name: 'canon-shot' });
  });

  it('trusts the bytes over the declared type, and the declared type when the bytes do not tell', async () => {
    const { createAsset: mislabelled } = await ok(CREATE, createInput('mislabelled', `${sourceUrl}/mislabelled`));
    expect(mislabelled).toMatchObject({ mimeType: 'image/jpeg', width: 640 });
    const { createAsset: notes } = await ok(CREATE, createInput('notes', `${sourceUrl}/notes.txt`, { type: 'DOCUMENT', filename: 'notes.txt' }));
    expect(notes).toMatchObject({ mimeType: 'text/plain', width: null, height: null, size: 16, metadata: { edges: [] } });
    const { createAsset: small } = await ok(CREATE, createInput('small-png', `${sourceUrl}/small.png`));
    expect(small).toMatchObject({ mimeType: 'image/png', width: 3, height: 2 });
  });

  it('follows a redirect to an allowed address, into a folder given by its global id', async () => {
    const folder = await ok('mutation($r: ID!) { createAssetFolder(input: { assetRepositoryId: $r, label: "Redirected" }) { id } }', { r: global('AssetRepository', repositoryId) });
    const { createAsset: asset } = await ok(
      'mutation($input: CreateAssetInput!) { createAsset(input: $input) { size assetFolder { id } } }',
      createInput('via-redirect', `${sourceUrl}/to-photo`, { assetFolderId: folder.createAssetFolder.id }),
    );
    expect(asset).toEqual({ size: photo.length, assetFolder: { id: folder.createAssetFolder.id } });
  });

  it.each([
    ['a 404', '/missing', /answered 404/],
    ['a refused connection', 'http://127.0.0.1:1/file.jpg', /refused the connection/],
    ['a response slower than DECIBEL_INGEST_TIMEOUT', '/slow', /within 1 s/],
    ['a file announced larger than the limit', '/big', /larger than the limit of 100000 bytes/],
    ['a file that turns out larger than the limit', '/big-unannounced', /larger than the limit of 100000 bytes/],
    ['a redirect to a link-local address', '/to-metadata', /169\.254\.169\.254.*private or reserved/],
    ['a URL that is not http(s)', 'ftp://127.0.0.1/file.jpg', /http or https/],
    ['something that is not a URL', 'not a url', /not a URL/],
  ])('refuses %s with BAD_USER_INPUT and leaves neither an asset nor a blob', async (_, src, message) => {
    const assetsBefore = await assetCount();
    const blobsBefore = await blobFiles();
    const { status, body } = await server.graphql(CREATE, createInput(`failed-${assetsBefore}`, src.startsWith('/') ? `${sourceUrl}${src}` : src));
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.data?.createAsset ?? null).toBeNull();
    expect(await assetCount()).toBe(assetsBefore);
    expect(await blobFiles()).toEqual(blobsBefore);
  });

  it('refuses a name already taken in the media hub before downloading', async () => {
    userAgents.length = 0;
    const { status, body } = await server.graphql(CREATE, createInput('canon-shot', `${sourceUrl}/photo.jpg`));
    expect(status).toBe(200);
    expect(body.errors[0].extensions.code).toBe('CONFLICT');
    expect(userAgents).toEqual([]);
  });
});

describe('createOrUpdateAssetByName', () => {
  const UPSERT = `mutation($i: CreateUpdateAssetInput!) { createOrUpdateAssetByName(input: $i) { id assetId size mimeType revisionNumber width } }`;

  it('creates the asset the first time and gives it the new file the next, keeping its id', async () => {
    const first = (await ok(UPSERT, { i: createInput('upserted', `${sourceUrl}/photo.jpg`).input })).createOrUpdateAssetByName;
    expect(first).toMatchObject({ size: photo.length, revisionNumber: 1, width: 640 });
    const firstKey = (await server.deps.store.assets.get(first.assetId))!.blobKey;
    const second = (await ok(UPSERT, { i: createInput('upserted', `${sourceUrl}/small.png`).input })).createOrUpdateAssetByName;
    expect(second).toMatchObject({ id: first.id, mimeType: 'image/png', revisionNumber: 2, width: 3 });
    // The file it replaced was never published, so it is gone.
    expect(await server.deps.blobs.head(firstKey)).toBeUndefined();
  });

  it('refuses a folder of another repository, before downloading', async () => {
    const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
    const other = await createAssetRepository(server.deps, { mediaHubId: hub.id, label: 'Other' });
    const folder = await createAssetFolder(server.deps, { repositoryId: other.id, label: 'Elsewhere', parentId: null });
    userAgents.length = 0;
    const { status, body } = await server.graphql(UPSERT, { i: createInput('upserted', `${sourceUrl}/photo.jpg`, { assetFolderId: folder.id }).input });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/another asset repository/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(userAgents).toEqual([]);
  });

  it('leaves the asset as it was when the new file cannot be downloaded', async () => {
    const before = (await server.deps.store.assets.getByName((await server.deps.store.media.getHubByName('test-hub'))!.id, 'upserted'))!;
    const { status } = await server.graphql(UPSERT, { i: createInput('upserted', `${sourceUrl}/missing`).input });
    expect(status).toBe(400);
    expect(await server.deps.store.assets.get(before.id)).toEqual(before);
  });
});

describe('createTempFileUploadUrl', () => {
  const UPLOAD_URL = 'mutation { createTempFileUploadUrl { uploadUrl downloadUrl } }';

  it('takes one PUT without a token, and its download URL ingests the file once, even with no allow list', async () => {
    const closed = await startTestServer({ DECIBEL_GRAPHQL_RATE_LIMIT: '0' });
    try {
      const hub = (await closed.deps.store.media.getHubByName('test-hub'))!;
      const repository = (await closed.deps.store.media.listRepositories(hub.id, 0, 1)).items[0]!;
      const { uploadUrl, downloadUrl } = (await ok(UPLOAD_URL, undefined, closed)).createTempFileUploadUrl;
      expect(uploadUrl.startsWith(closed.url)).toBe(true);

      expect((await fetch(downloadUrl)).status).toBe(404); // nothing uploaded yet
      const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: photo });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ size: photo.length, contentType: 'image/jpeg' });
      expect((await fetch(uploadUrl, { method: 'PUT', body: 'again' })).status).toBe(409);
      expect(Buffer.from(await (await fetch(downloadUrl)).arrayBuffer())).toEqual(photo);

      const input = { name: 'uploaded', type: 'IMAGE', filename: 'uploaded.jpg', src: downloadUrl, assetRepositoryId: global('AssetRepository', repository.id) };
      const { createAsset: asset } = await ok(CREATE, { input }, closed);
      expect(asset).toMatchObject({ size: photo.length, width: 640, mimeType: 'image/jpeg' });
      const again = await closed.graphql(CREATE, { input: { ...input, name: 'uploaded-again' } });
      expect(again.status).toBe(400);
      expect(again.body.errors[0].message).toMatch(/already been used/);
      expect((await fetch(downloadUrl)).status).toBe(404);

      // Without the allow list, the loopback source server is out of reach.
      const refused = await closed.graphql(CREATE, { input: { ...input, name: 'from-loopback', src: `${sourceUrl}/photo.jpg` } });
      expect(refused.body.errors[0]).toMatchObject({ message: expect.stringMatching(/private or reserved/), extensions: { code: 'BAD_USER_INPUT' } });
      const byName = await closed.graphql(CREATE, { input: { ...input, name: 'from-localhost', src: `${sourceUrl.replace('127.0.0.1', 'localhost')}/photo.jpg` } });
      expect(byName.body.errors[0].message).toMatch(/resolves to .*private or reserved/);
    } finally {
      await closed.close();
    }
  });

  it('refuses a PUT larger than the limit, and the URL can be used again', async () => {
    const { uploadUrl } = (await ok(UPLOAD_URL)).createTempFileUploadUrl;
    expect((await fetch(uploadUrl, { method: 'PUT', body: Buffer.alloc(MAX_BYTES + 1) })).status).toBe(400);
    expect((await fetch(uploadUrl, { method: 'PUT', body: 'fits' })).status).toBe(200);
  });

  it('answers 404 for an unknown upload URL', async () => {
    expect((await fetch(`${server.url}/asset-uploads/${'x'.repeat(43)}`, { method: 'PUT', body: 'x' })).status).toBe(404);
  });
});

describe('publishing', () => {
  const state = async (id: string) => (await ok('query($id: ID!) { node(id: $id) { ... on Asset { publishStatus published url thumbUrl } } }', { id })).node;
  async function settled(id: string, status: string) {
    for (let i = 0; i < 100; i += 1) {
      const now = await state(id);
      if (now.publishStatus === status) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`asset ${id} never became ${status}`);
  }

  it('publishes through a job, then serves the file with its type, ETag, length and ranges', async () => {
    const { createAsset: asset } = await ok(CREATE, createInput('to-publish', `${sourceUrl}/photo.jpg`));
    expect((await state(asset.id)).url).toBeNull();
    const { publishAsset } = await ok('mutation($i: PublishAssetInput!) { publishAsset(input: $i) { publishJobId } }', { i: { id: asset.id } });
    expect(publishAsset.publishJobId).toMatch(/^[0-9a-f-]{36}$/);
    const published = await settled(asset.id, 'PUBLISHED');
    expect(published).toMatchObject({ published: true, url: `${server.url}/i/test-hub/to-publish` });
    expect(published.thumbUrl).toBe(published.url);

    const response = await fetch(published.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe(String(photo.length));
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(photo);

    const range = await fetch(published.url, { headers: { range: 'bytes=2-11' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 2-11/${photo.length}`);
    expect(Buffer.from(await range.arrayBuffer())).toEqual(photo.subarray(2, 12));
    expect((await fetch(published.url, { headers: { range: `bytes=${photo.length + 5}-` } })).status).toBe(416);
    expect((await fetch(published.url, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    expect((await fetch(`${published.url}.jpg`)).status).toBe(200);
  });

  it('keeps serving the published file when a new one is ingested, until it is published again', async () => {
    const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
    const asset = (await server.deps.store.assets.getByName(hub.id, 'to-publish'))!;
    const id = global('Asset', asset.id);
    await ok('mutation($i: CreateUpdateAssetInput!) { createOrUpdateAssetByName(input: $i) { id } }', { i: createInput('to-publish', `${sourceUrl}/small.png`).input });
    const url = `${server.url}/i/test-hub/to-publish`;
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(photo);
    await ok('mutation($i: PublishAssetsInput!) { publishAssets(input: $i) { publishJobIds } }', { i: { id: [id] } });
    await settled(id, 'PUBLISHED');
    const republished = await fetch(url);
    expect(republished.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await republished.arrayBuffer())).toEqual(png(3, 2));
    // The file published before is no longer kept.
    expect(await server.deps.blobs.head(asset.blobKey)).toBeUndefined();
  });

  it('answers 404 once an asset is unpublished or deleted, and for names that were never published', async () => {
    const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
    const id = global('Asset', (await server.deps.store.assets.getByName(hub.id, 'to-publish'))!.id);
    const url = `${server.url}/i/test-hub/to-publish`;
    const { unpublishAssets } = await ok('mutation($i: UnpublishAssetsInput!) { unpublishAssets(input: $i) { unpublishJobIds } }', { i: { id: [id] } });
    expect(unpublishAssets.unpublishJobIds).toHaveLength(1);
    expect((await settled(id, 'NOT_PUBLISHED')).url).toBeNull();
    expect((await fetch(url)).status).toBe(404);

    await ok('mutation($i: PublishAssetInput!) { publishAsset(input: $i) { publishJobId } }', { i: { id } });
    await settled(id, 'PUBLISHED');
    expect((await fetch(url)).status).toBe(200);
    await ok('mutation($i: DeleteAssetsInput!) { deleteAssets(input: $i) }', { i: { id: [id] } });
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(`${server.url}/i/test-hub/canon-shot`)).status).toBe(404);
    expect((await fetch(`${server.url}/i/no-such-hub/canon-shot`)).status).toBe(404);
  });

  it('refuses more than 200 ids, and an unknown id, changing nothing', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => global('Asset', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    const tooMany = await server.graphql('mutation($i: PublishAssetsInput!) { publishAssets(input: $i) { publishJobIds } }', { i: { id: ids } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].message).toMatch(/at most 200/);
    const hub = (await server.deps.store.media.getHubByName('test-hub'))!;
    const known = (await server.deps.store.assets.getByName(hub.id, 'canon-shot'))!;
    const unknown = await server.graphql('mutation($i: PublishAssetsInput!) { publishAssets(input: $i) { publishJobIds } }', { i: { id: [global('Asset', known.id), ids[0]] } });
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await server.deps.store.assets.get(known.id))!.publishStatus).toBe('NOT_PUBLISHED');
    expect(rawOf(global('Asset', known.id))).toBe(known.id);
  });
});
