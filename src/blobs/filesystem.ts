/**
 * Blobs as files under one folder, named by their keys, so the folder can be copied or synced as it is.
 * A blob is written to `.incoming/` first, flushed to disk, and renamed into place, so a failed or
 * aborted upload leaves nothing behind and a reader never sees half a file; a read holds the file it
 * opened, so a blob replaced meanwhile is still read whole. Content types sit beside the bytes in
 * `.content-types/<key>` (keys cannot reach dot-folders).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkKey, contentTypeOf, DEFAULT_CONTENT_TYPE, resolveRange, type BlobInfo, type BlobStore } from './blob-store.js';

/** Nothing stored there: no file, or a path running through a file or ending at a folder. */
const absent = (error: unknown) => ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function ifPresent<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (absent(error)) return undefined;
    throw error;
  }
}

export async function filesystemBlobStore(root: string): Promise<BlobStore> {
  const incoming = path.join(root, '.incoming');
  await fs.mkdir(incoming, { recursive: true });
  const fileOf = (key: string) => {
    checkKey(key);
    return path.join(root, ...key.split('/'));
  };
  const typeFileOf = (key: string) => path.join(root, '.content-types', ...key.split('/'));
  const moveInto = async (temporary: string, file: string) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.rename(temporary, file);
  };
  const info = async (key: string, size: number): Promise<BlobInfo> => ({
    size,
    contentType: (await ifPresent(fs.readFile(typeFileOf(key), 'utf8'))) || DEFAULT_CONTENT_TYPE,
  });

  return {
    async put(key, body, options) {
      const temporary = path.join(incoming, randomUUID());
      try {
        const file = fileOf(key);
        const contentType = contentTypeOf(options);
        await pipeline(body, createWriteStream(temporary, { flags: 'wx', flush: true }));
        const { size } = await fs.stat(temporary);
        // The type goes in just before the bytes: a reader racing an overwrite may pair the old bytes
        // with the new type for that moment, never with half of either.
        await fs.writeFile(`${temporary}.type`, contentType, { flag: 'wx', flush: true });
        await moveInto(`${temporary}.type`, typeFileOf(key));
        await moveInto(temporary, file);
        return { size, contentType };
      } catch (error) {
        body.destroy();
        await Promise.all([fs.rm(temporary, { force: true }), fs.rm(`${temporary}.type`, { force: true })]);
        throw error;
      }
    },
    async get(key, range) {
      const handle = await ifPresent(fs.open(fileOf(key), 'r'));
      if (!handle) return undefined;
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) {
          await handle.close();
          return undefined;
        }
        const served = range ? resolveRange(stat.size, range) : undefined;
        const described = await info(key, stat.size);
        // The stream owns the handle from here and closes it when it ends or is destroyed.
        return { ...described, body: handle.createReadStream(served ?? {}), ...(served ? { range: served } : {}) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
    async head(key) {
      const stat = await ifPresent(fs.stat(fileOf(key)));
      return stat?.isFile() ? info(key, stat.size) : undefined;
    },
    async delete(key) {
      await ifPresent(fs.unlink(fileOf(key)));
      await ifPresent(fs.unlink(typeFileOf(key)));
    },
    async close() {},
  };
}
