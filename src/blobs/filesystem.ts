/**
 * Blobs as files under one folder. A blob is written to `.incoming/` first, flushed to disk, and renamed
 * into place, so a failed or aborted upload leaves nothing behind and a reader never sees half a file; a
 * read holds the file it opened, so a blob replaced meanwhile is still read whole.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, resolveRange, type BlobStore } from './blob-store.js';

export async function filesystemBlobStore(root: string): Promise<BlobStore> {
  const incoming = path.join(root, '.incoming');
  await fs.mkdir(incoming, { recursive: true });
  const fileOf = (key: string) => {
    checkKey(key);
    return path.join(root, ...key.split('/'));
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

  return {
    async put(key, body: Readable) {
      const file = fileOf(key);
      const temporary = path.join(incoming, randomUUID());
      try {
        await pipeline(body, createWriteStream(temporary, { flags: 'wx', flush: true }));
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
      return { size: (await fs.stat(file)).size };
    },
    async get(key, range) {
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(fileOf(key), 'r');
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const served = range ? resolveRange(size, range) : undefined;
        const body = handle.createReadStream(served ?? {});
        return { size, body, ...(served ? { range: served } : {}) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
    async head(key) {
      try {
        return { size: (await fs.stat(fileOf(key))).size };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async close() {},
  };
}
