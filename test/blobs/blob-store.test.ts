/**
 * One contract for every blob store: the filesystem store, and the S3 store against a real
 * S3-compatible server (s3rver, started here on an ephemeral port) with a key prefix.
 *
 * s3rver 3.7.1 does not implement AbortMultipartUpload (it answers 405), so after a multipart upload
 * fails its parts stay in s3rver's folder; the object never appears, which is what the contract checks.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlobStore, RangeNotSatisfiable, type BlobStore } from '../../src/blobs/index.js';
import { filesystemBlobStore } from '../../src/blobs/filesystem.js';
import { s3BlobStore } from '../../src/blobs/s3.js';

const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

interface Subject {
  store: BlobStore;
  /** Every file the backend holds for blobs, relative to its folder, temporaries included. */
  files(): Promise<string[]>;
  /** The file the backend keeps `key` in. */
  fileOf(key: string): string;
  close(): Promise<void>;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

async function filesystemSubject(): Promise<Subject> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-blobs-'));
  const store = await filesystemBlobStore(root);
  return {
    store,
    files: async () => (await listFiles(root)).filter((file) => !file.startsWith('.content-types/')),
    fileOf: (key) => key,
    close: () => fs.rm(root, { recursive: true, force: true }),
  };
}

async function startS3rver(buckets: string[]) {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  return {
    directory,
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

async function s3Subject(): Promise<Subject> {
  const server = await startS3rver(['decibel-test']);
  const store = await s3BlobStore({
    bucket: 'decibel-test',
    prefix: 'tenant-a/',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  // s3rver keeps an object as `<key>._S3rver_object` beside its metadata.
  const suffix = '._S3rver_object';
  return {
    store,
    files: async () =>
      (await listFiles(path.join(server.directory, 'decibel-test'))).filter((file) => file.endsWith(suffix)).map((file) => file.slice(0, -suffix.length)),
    fileOf: (key) => `tenant-a/${key}`,
    async close() {
      await store.close();
      await server.close();
    },
  };
}

const bytesOf = (text: string) => Readable.from([Buffer.from(text)]);
const text = async (read: Promise<{ body: Readable } | undefined>) => (await buffer((await read)!.body)).toString();

/** `size` bytes in chunks of 64 KiB, handed out as they are read, then `failure` if given. */
function generated(size: number, failure?: Error): { stream: Readable; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 7 + (i >> 13)) & 0xff;
  async function* chunks() {
    for (let offset = 0; offset < size; offset += 65536) yield bytes.subarray(offset, offset + 65536);
    if (failure) throw failure;
  }
  return { stream: Readable.from(chunks()), bytes };
}

describe.each([
  ['filesystem', filesystemSubject],
  ['s3 (s3rver)', s3Subject],
])('%s blob store', (_name, open) => {
  let subject: Subject;
  let store: BlobStore;
  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(() => subject.close());

  it('returns what was put, with its size and content type', async () => {
    const info = { size: 7, contentType: 'text/plain; charset=utf-8' };
    expect(await store.put('hub/asset-1/hello.txt', bytesOf('hello, '), { contentType: info.contentType })).toEqual(info);
    expect(await store.head('hub/asset-1/hello.txt')).toEqual(info);
    const read = (await store.get('hub/asset-1/hello.txt'))!;
    expect(read).toMatchObject(info);
    expect(read.range).toBeUndefined();
    expect((await buffer(read.body)).toString()).toBe('hello, ');
    expect(await subject.files()).toContain(subject.fileOf('hub/asset-1/hello.txt'));
  });

  it('stores bytes without a named type as application/octet-stream', async () => {
    expect(await store.put('hub/asset-1/untyped', bytesOf('?'))).toEqual({ size: 1, contentType: 'application/octet-stream' });
    expect(await store.head('hub/asset-1/untyped')).toEqual({ size: 1, contentType: 'application/octet-stream' });
    await expect(store.put('hub/asset-1/bad-type', bytesOf('?'), { contentType: 'text/plain\r\nX-Injected: 1' })).rejects.toThrow(/invalid content type/);
  });

  it('streams a large blob in and out unchanged (multipart on S3)', async () => {
    const { stream, bytes } = generated(12 * 1024 * 1024);
    expect(await store.put('hub/asset-2/large.bin', stream)).toMatchObject({ size: bytes.length });
    const read = (await store.get('hub/asset-2/large.bin'))!;
    expect(read.size).toBe(bytes.length);
    expect((await buffer(read.body)).equals(bytes)).toBe(true);
    const tail = (await store.get('hub/asset-2/large.bin', { start: bytes.length - 100_000 }))!;
    expect((await buffer(tail.body)).equals(bytes.subarray(bytes.length - 100_000))).toBe(true);
  });

  it('answers undefined for a key that holds nothing', async () => {
    expect(await store.get('hub/none/missing.txt')).toBeUndefined();
    expect(await store.head('hub/none/missing.txt')).toBeUndefined();
    // A key naming a "folder" of other keys holds nothing either.
    expect(await store.get('hub/asset-1')).toBeUndefined();
    expect(await store.head('hub/asset-1')).toBeUndefined();
  });

  it('serves ranges: inclusive, open-ended, clamped to the end', async () => {
    await store.put('hub/asset-3/digits.txt', bytesOf('0123456789'), { contentType: 'text/plain' });
    const middle = (await store.get('hub/asset-3/digits.txt', { start: 2, end: 5 }))!;
    expect(middle).toMatchObject({ size: 10, contentType: 'text/plain', range: { start: 2, end: 5 } });
    expect((await buffer(middle.body)).toString()).toBe('2345');
    const open = (await store.get('hub/asset-3/digits.txt', { start: 7 }))!;
    expect(open).toMatchObject({ size: 10, range: { start: 7, end: 9 } });
    expect((await buffer(open.body)).toString()).toBe('789');
    const clamped = (await store.get('hub/asset-3/digits.txt', { start: 8, end: 100 }))!;
    expect(clamped.range).toEqual({ start: 8, end: 9 });
    expect((await buffer(clamped.body)).toString()).toBe('89');
    expect(await text(store.get('hub/asset-3/digits.txt', { start: 9, end: 9 }))).toBe('9');
  });

  it('refuses a range that starts past the end, and a malformed one', async () => {
    await store.put('hub/asset-4/short.txt', bytesOf('abc'));
    const refusal = store.get('hub/asset-4/short.txt', { start: 3 });
    await expect(refusal).rejects.toBeInstanceOf(RangeNotSatisfiable);
    await expect(refusal).rejects.toMatchObject({ size: 3 });
    await expect(store.get('hub/asset-4/short.txt', { start: 5, end: 2 })).rejects.toThrow(/invalid blob range/);
    await expect(store.get('hub/asset-4/short.txt', { start: -1 })).rejects.toThrow(/invalid blob range/);
  });

  it('replaces a blob and its type on put, and removes it on delete, idempotently', async () => {
    await store.put('hub/asset-5/file.txt', bytesOf('first'), { contentType: 'text/plain' });
    await store.put('hub/asset-5/file.txt', bytesOf('second!'), { contentType: 'text/markdown' });
    expect(await store.head('hub/asset-5/file.txt')).toEqual({ size: 7, contentType: 'text/markdown' });
    expect(await text(store.get('hub/asset-5/file.txt'))).toBe('second!');
    await store.delete('hub/asset-5/file.txt');
    expect(await store.get('hub/asset-5/file.txt')).toBeUndefined();
    expect(await store.head('hub/asset-5/file.txt')).toBeUndefined();
    await store.delete('hub/asset-5/file.txt');
    await store.delete('hub/never/was.txt');
    expect(await subject.files()).not.toContain(subject.fileOf('hub/asset-5/file.txt'));
  });

  it.each([
    ['in its first part', 64 * 1024],
    ['after a multipart upload began', 6 * 1024 * 1024],
  ])('keeps no blob and nothing half-written when the source fails %s', async (_when, failAfter) => {
    const failure = new Error('the client went away');
    await expect(store.put('hub/asset-6/broken.bin', generated(failAfter, failure).stream)).rejects.toBe(failure);
    expect(await store.head('hub/asset-6/broken.bin')).toBeUndefined();
    await store.put('hub/asset-7/kept.txt', bytesOf('kept'), { contentType: 'text/plain' });
    await expect(store.put('hub/asset-7/kept.txt', generated(failAfter, failure).stream, { contentType: 'image/png' })).rejects.toBe(failure);
    expect(await store.head('hub/asset-7/kept.txt')).toEqual({ size: 4, contentType: 'text/plain' });
    expect(await text(store.get('hub/asset-7/kept.txt'))).toBe('kept');
    // Everything left is a whole blob under the store's root or prefix: no temporaries.
    const files = await subject.files();
    expect(files.filter((file) => !file.startsWith(subject.fileOf('')) || file.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    expect(files).not.toContain(subject.fileOf('hub/asset-6/broken.bin'));
  });

  it.each(['', '../escape', 'hub/../../etc/passwd', '/absolute', 'hub//double', 'hub/trailing/', 'hub/.hidden', 'nul\u0000byte', 'back\\slash'])(
    'refuses the key %j',
    async (key) => {
      const body = bytesOf('x');
      await expect(store.put(key, body)).rejects.toThrow(/invalid blob key/);
      expect(body.destroyed).toBe(true);
      await expect(store.get(key)).rejects.toThrow(/invalid blob key/);
      await expect(store.head(key)).rejects.toThrow(/invalid blob key/);
      await expect(store.delete(key)).rejects.toThrow(/invalid blob key/);
    },
  );
});

describe('openBlobStore', () => {
  it('keeps blobs in the data folder by default', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-data-'));
    try {
      const store = await openBlobStore({ kind: 'filesystem' }, dataDir);
      await store.put('hub/asset/a.txt', bytesOf('a'));
      expect(await fs.readFile(path.join(dataDir, 'blobs', 'hub', 'asset', 'a.txt'), 'utf8')).toBe('a');
      await store.close();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with a clear message when the S3 bucket cannot be used', async () => {
    const server = await startS3rver([]);
    try {
      await expect(
        s3BlobStore({ bucket: 'no-such-bucket', prefix: '', endpoint: server.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
      ).rejects.toThrow(/cannot use S3 bucket "no-such-bucket".*HTTP 404/);
    } finally {
      await server.close();
    }
  });
});
