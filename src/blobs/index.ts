/** Opens the blob store DECIBEL_BLOBS names (docs/configuration.md). */
import path from 'node:path';
import type { BlobsSetting } from './setting.js';
import type { BlobStore } from './blob-store.js';
import { filesystemBlobStore } from './filesystem.js';
import { s3BlobStore } from './s3.js';

export * from './blob-store.js';
export { parseBlobsSetting } from './setting.js';

export async function openBlobStore(setting: BlobsSetting, dataDir: string): Promise<BlobStore> {
  if (setting.kind === 'filesystem') return filesystemBlobStore(setting.root ?? path.join(dataDir, 'blobs'));
  return s3BlobStore(setting);
}
