/**
 * One contract for every blob store: the filesystem store, and the S3 store against a real
 * S3-compatible server (s3rver, started here on an ephemeral port).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RangeNotSatisfiable, type BlobStore } from '../../src/blobs/index.js';
import { filesystemBlobStore } from '../../src/blobs/filesystem.js';
import { s3BlobStore } from '../../src/blobs/s3.js';

interface Subject {
  store: BlobStore;
  /** Everything the store keeps on disk, for checking that nothing is left behind. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

async function filesystemSubject(): Promise<Subject> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-blobs-'));
  const store = await filesystemBlobStore(root);
  return { store, leftovers: () => listFiles(root), close: () => fs.rm(root, { recursive: true, force: true }) };
}

async function s3Subject(): Promise<Subject> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'decibel-test', configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  const store = await s3BlobStore({
    bucket: 'decibel-test',
    prefix: 'tenant-a/',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store,
    // s3rver keeps objects as files; everything of ours must sit under the prefix.
    leftovers: async () => (await listFiles(path.join(directory, 'decibel-test'))).filter((file) => !file.startsWith('tenant-a/')),
    async close() {
      await store.close();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

const text = async (read: Promise<{ body: Readable } | undefined>) => (await buffer((await read)!.body)).toString();

/** `size` bytes in chunks of 64 KiB, generated as they are read (never one big buffer). */
function generated(size: number, seed = 7): { stream: Readable; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * seed + (i >> 13)) & 0xff;
  async function* chunks() {
    for (let offset = 0; offset < size; offset += 65536) yield bytes.subarray(offset, offset + 65536);
  }
  return { stream: Readable.from(chunks()), bytes };
}

function failingHalfWay(): Readable {
  async function* chunks() {
    yield randomBytes(65536);
    throw new Error('the client went away');
  }
  return Readable.from(chunks());
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

  it('returns what was put, with its size', async () => {
    expect(await store.put('hub/asset-1/hello.txt', Readable.from([Buffer.from('hello, ')]), { contentType: 'text/plain' })).toEqual({ size: 7 });
    expect(await text(store.get('hub/asset-1/hello.txt'))).toBe('hello, ');
    expect(await store.head('hub/asset-1/hello.txt')).toEqual({ size: 7 });
  });

  it('streams a large blob in and out unchanged (multipart on S3)', async () => {
    const { stream, bytes } = generated(12 * 1024 * 1024);
    expect(await store.put('hub/asset-2/large.bin', stream)).toEqual({ size: bytes.length });
    const read = (await store.get('hub/asset-2/large.bin'))!;
    expect(read.size).toBe(bytes.length);
    expect((await buffer(read.body)).equals(bytes)).toBe(true);
  });

  it('answers undefined for a key that holds nothing', async () => {
    expect(await store.get('hub/none/missing.txt')).toBeUndefined();
    expect(await store.head('hub/none/missing.txt')).toBeUndefined();
  });

  it('serves ranges: inclusive, open-ended, clamped to the end', async () => {
    await store.put('hub/asset-3/digits.txt', Readable.from([Buffer.from('0123456789')]));
    const middle = (await store.get('hub/asset-3/digits.txt', { start: 2, end: 5 }))!;
    expect(middle).toMatchObject({ size: 10, range: { start: 2, end: 5 } });
    expect((await buffer(middle.body)).toString()).toBe('2345');
    expect(await text(store.get('hub/asset-3/digits.txt', { start: 7 }))).toBe('789');
    const clamped = (await store.get('hub/asset-3/digits.txt', { start: 8, end: 100 }))!;
    expect(clamped.range).toEqual({ start: 8, end: 9 });
    expect((await buffer(clamped.body)).toString()).toBe('89');
  });

  it('refuses a range that starts past the end', async () => {
    await store.put('hub/asset-4/short.txt', Readable.from([Buffer.from('abc')]));
    await expect(store.get('hub/asset-4/short.txt', { start: 3 })).rejects.toBeInstanceOf(RangeNotSatisfiable);
    await expect(store.get('hub/asset-4/short.txt', { start: 5, end: 2 })).rejects.toThrow(/invalid blob range/);
  });

  it('replaces a blob on put and removes it on delete, idempotently', async () => {
    await store.put('hub/asset-5/file.txt', Readable.from([Buffer.from('first')]));
    await store.put('hub/asset-5/file.txt', Readable.from([Buffer.from('second!')]));
    expect(await text(store.get('hub/asset-5/file.txt'))).toBe('second!');
    await store.delete('hub/asset-5/file.txt');
    expect(await store.get('hub/asset-5/file.txt')).toBeUndefined();
    await store.delete('hub/asset-5/file.txt');
  });

  it('leaves no blob (and nothing half-written) when the source fails half-way', async () => {
    await expect(store.put('hub/asset-6/broken.bin', failingHalfWay())).rejects.toThrow('the client went away');
    expect(await store.head('hub/asset-6/broken.bin')).toBeUndefined();
    await store.put('hub/asset-7/kept.txt', Readable.from([Buffer.from('kept')]));
    await expect(store.put('hub/asset-7/kept.txt', failingHalfWay())).rejects.toThrow('the client went away');
    expect(await text(store.get('hub/asset-7/kept.txt'))).toBe('kept');
    expect((await subject.leftovers()).filter((file) => file.includes('.incoming'))).toEqual([]);
  });

  it.each(['', '../escape', 'hub/../../etc/passwd', '/absolute', 'hub//double', 'hub/.hidden', 'nul\u0000byte', 'back\\slash'])(
    'refuses the key %j',
    async (key) => {
      await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/invalid blob key/);
      await expect(store.get(key)).rejects.toThrow(/invalid blob key/);
    },
  );
});

describe('s3 blob store start-up', () => {
  it('stops with a clear message when the bucket cannot be used', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [] });
    const { port } = (await server.run()) as { port: number };
    try {
      await expect(
        s3BlobStore({
          bucket: 'no-such-bucket',
          prefix: '',
          endpoint: `http://127.0.0.1:${port}`,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }),
      ).rejects.toThrow(/cannot use S3 bucket "no-such-bucket".*HTTP 404/);
    } finally {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    }
  });
});
