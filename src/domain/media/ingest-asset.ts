/**
 * createAsset and createOrUpdateAssetByName (000 "Asset ingestion"): the file at `src` — a URL, or a
 * file PUT to one of Decibel's own upload URLs — is streamed into the blob store, then the asset is
 * recorded. The bytes are written first and the row after; when the row cannot be written the bytes
 * are removed again, so a failed call leaves neither.
 */
import { requireText } from '../fields.js';
import { invalid } from '../errors.js';
import type { Asset, AssetType } from '../model.js';
import { SourceError, type Deps, type OpenedFile } from '../ports.js';
import { inTransaction } from '../transaction.js';
import { insertAsset, nameTaken, prepareAsset, saveAsset } from './assets.js';
import { storeFile, type StoredFile } from './asset-file.js';
import { getAssetRepository } from './media.js';
import { discardUploadedFile, openUpload, useUpload } from './temp-uploads.js';

/** A URL to download, or the token of one of Decibel's own upload URLs (read from the blob store). */
export type AssetSource = { url: string } | { uploadToken: string };

export interface AssetFileInput {
  name: unknown;
  type: AssetType;
  filename: unknown;
  source: AssetSource;
  repositoryId: string;
  /** null: the top of the repository; undefined: not given. */
  folderId?: string | null;
  label?: unknown;
  tags?: unknown;
}

/** Blob keys are per revision, so that a published file stays while a newer one is ingested. */
function assetBlobKey(asset: Pick<Asset, 'mediaHubId' | 'id'>, revision: number, filename: string): string {
  const safe = filename.replace(/[/\\\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').slice(-200);
  return `${asset.mediaHubId}/${asset.id}/${revision}/${safe}`;
}

async function openSource(deps: Deps, source: AssetSource): Promise<OpenedFile> {
  if ('uploadToken' in source) return openUpload(deps, source.uploadToken);
  try {
    return await deps.sources.open(source.url);
  } catch (error) {
    if (error instanceof SourceError) throw invalid({ entity: 'Asset', property: 'src', invalidValue: source.url, message: error.message });
    throw error;
  }
}

const fileFields = (stored: StoredFile) => ({ size: stored.size, mimeType: stored.mimeType, width: stored.width, height: stored.height });

/**
 * Stores the file under `key`, then runs `record` (in one transaction with using up an upload); if
 * recording fails the stored file is removed. Returns what `record` returned.
 */
async function ingest<T>(deps: Deps, source: AssetSource, key: string, record: (tx: Deps, stored: StoredFile) => Promise<T>): Promise<T> {
  const stored = await storeFile(deps, key, await openSource(deps, source));
  let result: T;
  try {
    result = await inTransaction(deps, async (tx) => {
      if ('uploadToken' in source) await useUpload(tx, source.uploadToken);
      return record(tx, stored);
    });
  } catch (error) {
    await deps.blobs.delete(key);
    throw error;
  }
  if ('uploadToken' in source) await discardUploadedFile(deps, source.uploadToken).catch(() => undefined);
  return result;
}

export async function createAsset(deps: Deps, input: AssetFileInput): Promise<Asset> {
  const filename = requireText('Asset', 'filename', input.filename);
  const draft = await prepareAsset(deps, {
    repositoryId: input.repositoryId,
    folderId: input.folderId ?? null,
    name: input.name,
    label: input.label,
    type: input.type,
    filename,
    tags: input.tags,
    mimeType: '',
    size: 0,
    blobKey: '',
  });
  // Checked before downloading, so a taken name costs no download; the insert checks again.
  if (await deps.store.assets.getByName(draft.mediaHubId, draft.name)) throw nameTaken(draft.name);
  const blobKey = assetBlobKey(draft, 1, filename);
  return ingest(deps, input.source, blobKey, (tx, stored) =>
    insertAsset(tx, { ...draft, ...fileFields(stored), blobKey, metadata: stored.exif ? { exif: stored.exif } : {} }),
  );
}

/**
 * The asset createOrUpdateAssetByName would give the new file (undefined: it would create one), so that
 * the caller's right to change it can be checked first: it may sit in another repository of the media hub.
 */
export async function assetToReplace(deps: Deps, input: Pick<AssetFileInput, 'repositoryId' | 'name'>): Promise<Asset | undefined> {
  const repository = await deps.store.media.getRepository(input.repositoryId);
  if (!repository || typeof input.name !== 'string') return undefined;
  return deps.store.assets.getByName(repository.mediaHubId, input.name);
}

/**
 * The asset of the media hub with this name gets the new file (a new revision), and the other fields
 * given; when there is none, it is created. graphql-dam.md S7: re-running an import never duplicates.
 */
export async function createOrUpdateAssetByName(deps: Deps, input: AssetFileInput): Promise<Asset> {
  const repository = await getAssetRepository(deps, input.repositoryId);
  const name = requireText('Asset', 'name', input.name);
  const existing = await deps.store.assets.getByName(repository.mediaHubId, name);
  if (!existing) return createAsset(deps, input);

  const filename = requireText('Asset', 'filename', input.filename);
  // A folder not given keeps the asset where it is, unless it moves to another repository.
  const folderId = input.folderId !== undefined ? input.folderId : existing.repositoryId === repository.id ? existing.folderId : null;
  // Checks the fields (folder in the repository, type, label, tags) as a new asset's would be.
  const changes = await prepareAsset(deps, {
    ...input,
    name,
    filename,
    folderId,
    label: input.label ?? existing.label,
    tags: input.tags ?? existing.tags,
    mimeType: '',
    size: 0,
    blobKey: '',
  });
  const blobKey = assetBlobKey(existing, existing.revisionNumber + 1, filename);
  const updated = await ingest(deps, input.source, blobKey, (tx, stored) => {
    const { exif: _old, ...otherMetadata } = existing.metadata;
    return saveAsset(tx, existing, {
      repositoryId: repository.id,
      folderId,
      label: changes.label,
      tags: changes.tags,
      type: changes.type,
      filename,
      ...fileFields(stored),
      blobKey,
      metadata: stored.exif ? { ...otherMetadata, exif: stored.exif } : otherMetadata,
    });
  });
  // The previous file is kept while it is the published one (it is served until the next publish);
  // read again, as a publish job may have published it meanwhile.
  if ((await deps.store.assets.get(existing.id))?.publishedBlobKey !== existing.blobKey) {
    await deps.blobs.delete(existing.blobKey).catch(() => undefined);
  }
  return updated;
}
