/**
 * Published assets as the public sees them: by media hub name and asset name (the vendor's
 * `/i/{endpoint}/{name}`), serving the file as it was when last published.
 */
import { createHash } from 'node:crypto';
import { notFound } from '../errors.js';
import type { Deps } from '../ports.js';

export interface PublishedFile {
  key: string;
  mimeType: string;
  /** Names the published bytes: each published file has a blob key of its own. */
  etag: string;
}

export async function getPublishedAsset(deps: Deps, mediaHubName: string, name: string): Promise<PublishedFile> {
  const hub = await deps.store.media.getHubByName(mediaHubName);
  const missing = () => notFound('Asset', `${mediaHubName}/${name}`);
  if (!hub) throw missing();
  // Links often carry an extension the name does not have (`/i/hub/shoe.jpg` for the asset `shoe`).
  const asset = (await deps.store.assets.getByName(hub.id, name)) ?? (/\.\w+$/.test(name) ? await deps.store.assets.getByName(hub.id, name.replace(/\.\w+$/, '')) : undefined);
  if (!asset?.publishedBlobKey) throw missing();
  const key = asset.publishedBlobKey;
  const mimeType = key === asset.blobKey ? asset.mimeType : ((await deps.blobs.head(key))?.contentType ?? asset.mimeType);
  return { key, mimeType, etag: createHash('sha256').update(key).digest('base64url').slice(0, 27) };
}
