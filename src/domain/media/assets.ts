/**
 * Assets: reading them by id, in a repository or folder, and by assetSearch's keywords (004: `*` for
 * all, `red*` for words starting with "red", `OR` between alternatives, other words ANDed), and changing
 * names, labels, tags, folders and metadata. Ingestion (createAsset) records assets through recordAsset.
 */
import { conflict, invalid, notFound } from '../errors.js';
import { requireText } from '../fields.js';
import { ASSET_TYPES, type Asset, type AssetStatus, type AssetType } from '../model.js';
import { DuplicateKeyError, type AssetQuery, type Deps, type Slice } from '../ports.js';
import { getAssetFolder, getAssetRepository } from './media.js';
import { inTransaction } from '../transaction.js';

const ENTITY = 'Asset';
export const MAX_ASSET_IDS = 1000;
export const MAX_MUTATION_IDS = 200;

export async function getAsset(deps: Deps, id: string): Promise<Asset> {
  const asset = await deps.store.assets.get(id);
  if (!asset || asset.status === 'DELETED') throw notFound(ENTITY, id);
  return asset;
}

/**
 * `assets(assetId:)`: at most 1,000 ids; ids that name no asset are left out, and so are assets outside
 * `mediaHubIds` when it is given (the media hubs the caller sees).
 */
export async function getAssets(deps: Deps, ids: readonly string[], max = MAX_ASSET_IDS, mediaHubIds?: readonly string[]): Promise<Asset[]> {
  if (ids.length > max) {
    throw invalid({ entity: ENTITY, property: 'assetId', message: `at most ${max} asset ids can be asked for at once, got ${ids.length}` });
  }
  const hubs = mediaHubIds && new Set(mediaHubIds);
  return (await deps.store.assets.getMany(ids)).filter((asset) => asset.status === 'ACTIVE' && (!hubs || hubs.has(asset.mediaHubId)));
}

/** The words of a keyword as ORed groups of ANDed words; undefined for `*` (everything). */
export function parseKeyword(keyword: string | null | undefined): AssetQuery['keyword'] {
  const text = (keyword ?? '*').trim();
  if (text === '' || text === '*') return undefined;
  const groups: { word: string; prefix: boolean }[][] = [[]];
  for (const token of text.split(/\s+/)) {
    if (token === 'OR') groups.push([]);
    else if (/[\p{L}\p{N}]/u.test(token)) groups.at(-1)!.push({ word: token.replace(/\*+$/, ''), prefix: token.endsWith('*') });
  }
  const nonEmpty = groups.filter((group) => group.length > 0);
  if (nonEmpty.length === 0) throw invalid({ entity: ENTITY, property: 'keyword', invalidValue: keyword, message: 'keyword holds no words to search for; use * for every asset' });
  return nonEmpty;
}

export interface SearchInput {
  keyword?: string | null;
  /** Only assets of these media hubs (the ones the caller sees); undefined: of any. */
  mediaHubIds?: readonly string[];
  repositoryIds?: string[];
  folderIds?: (string | null)[];
  tags?: string[];
  mimeTypes?: string[];
  statuses?: AssetStatus[];
  sort?: AssetQuery['sort'];
}

export function searchAssets(deps: Deps, input: SearchInput, offset: number, limit: number): Promise<Slice<Asset>> {
  return deps.store.assets.search(
    {
      keyword: parseKeyword(input.keyword),
      mediaHubIds: input.mediaHubIds,
      repositoryIds: input.repositoryIds,
      folderIds: input.folderIds,
      tags: input.tags,
      mimeTypes: input.mimeTypes,
      statuses: input.statuses ?? ['ACTIVE'],
      sort: input.sort ?? { field: 'updatedDate', direction: 'desc' },
    },
    offset,
    limit,
  );
}

/** The active assets directly in a folder (null: the top of the repository), newest first. */
export const listAssets = (deps: Deps, repositoryId: string, folderId: string | null, offset: number, limit: number) =>
  searchAssets(deps, { repositoryIds: [repositoryId], folderIds: [folderId] }, offset, limit);

export const nameTaken = (name: string) =>
  conflict({ entity: ENTITY, property: 'name', invalidValue: name, message: `an asset of this media hub is already named ${name}` });

function requireTags(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string' || tag.trim() === '')) {
    throw invalid({ entity: ENTITY, property: 'tags', invalidValue: value, message: 'tags must be a list of non-empty strings' });
  }
  return [...new Set(value as string[])];
}

export interface NewAsset {
  repositoryId: string;
  folderId: string | null;
  name: unknown;
  label?: unknown;
  type: AssetType;
  filename: string;
  mimeType: string;
  size: number;
  width?: number | null;
  height?: number | null;
  tags?: unknown;
  blobKey: string;
  metadata?: Asset['metadata'];
}

/** Checks a new asset's fields and builds it (not yet stored). */
export async function prepareAsset(deps: Deps, input: NewAsset, id = deps.ids.uuid()): Promise<Asset> {
  const repository = await getAssetRepository(deps, input.repositoryId);
  await checkFolder(deps, input.folderId, repository.id);
  if (!(ASSET_TYPES as readonly string[]).includes(input.type)) throw invalid({ entity: ENTITY, property: 'type', invalidValue: input.type, message: `type must be one of ${ASSET_TYPES.join(', ')}` });
  const name = requireText(ENTITY, 'name', input.name);
  const now = deps.clock.now();
  return {
    id,
    mediaHubId: repository.mediaHubId,
    repositoryId: repository.id,
    folderId: input.folderId,
    name,
    label: input.label === undefined || input.label === null ? name : requireText(ENTITY, 'label', input.label),
    type: input.type,
    mimeType: input.mimeType,
    filename: input.filename,
    size: input.size,
    width: input.width ?? null,
    height: input.height ?? null,
    tags: input.tags === undefined || input.tags === null ? [] : requireTags(input.tags),
    status: 'ACTIVE',
    publishStatus: 'NOT_PUBLISHED',
    revisionNumber: 1,
    locale: null,
    blobKey: input.blobKey,
    publishedBlobKey: null,
    publishedDate: null,
    metadata: input.metadata ?? {},
    createdDate: now,
    updatedDate: now,
  };
}

/** A folder given for an asset must be in the asset's repository (null: the top of the repository). */
export async function checkFolder(deps: Deps, folderId: string | null, repositoryId: string): Promise<void> {
  if (folderId !== null && (await getAssetFolder(deps, folderId)).repositoryId !== repositoryId) {
    throw invalid({ entity: ENTITY, property: 'assetFolderId', invalidValue: folderId, message: 'the folder is in another asset repository' });
  }
}

export async function insertAsset(deps: Deps, asset: Asset): Promise<Asset> {
  try {
    await deps.store.assets.insert(asset);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw nameTaken(asset.name);
    throw error;
  }
  return asset;
}

/** Records an asset whose bytes are already in the blob store under `blobKey`. */
export async function recordAsset(deps: Deps, input: NewAsset, id = deps.ids.uuid()): Promise<Asset> {
  return insertAsset(deps, await prepareAsset(deps, input, id));
}

/** Writes a new revision of `asset`; a conflict when someone else wrote one first. */
export async function saveAsset(deps: Deps, asset: Asset, changes: Partial<Asset>): Promise<Asset> {
  const next: Asset = { ...asset, ...changes, revisionNumber: asset.revisionNumber + 1, updatedDate: deps.clock.now() };
  let written: boolean;
  try {
    written = await deps.store.assets.update(next, asset.revisionNumber);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw nameTaken(next.name);
    throw error;
  }
  if (!written) {
    throw conflict({ entity: ENTITY, property: 'revisionNumber', invalidValue: asset.revisionNumber, message: 'the asset was changed by another request at the same time; try again' });
  }
  return next;
}

/** updateAsset: name, label, tags (replaced whole) and folder. */
export async function updateAsset(
  deps: Deps,
  input: { id: string; name?: unknown; label?: unknown; tags?: unknown; folderId?: string | null },
): Promise<Asset> {
  const asset = await getAsset(deps, input.id);
  const changes: Partial<Asset> = {};
  if (input.name !== undefined && input.name !== null) changes.name = requireText(ENTITY, 'name', input.name);
  if (input.label !== undefined && input.label !== null) changes.label = requireText(ENTITY, 'label', input.label);
  if (input.tags !== undefined && input.tags !== null) changes.tags = requireTags(input.tags);
  if (input.folderId !== undefined) {
    await checkFolder(deps, input.folderId, asset.repositoryId);
    changes.folderId = input.folderId;
  }
  return saveAsset(deps, asset, changes);
}

type AssetChanges = Parameters<typeof updateAsset>[1];

/** updateAssets: several updates, all or none (at most 200). */
export async function updateAssets(deps: Deps, inputs: readonly AssetChanges[], max = MAX_MUTATION_IDS): Promise<Asset[]> {
  if (inputs.length > max) {
    throw invalid({ entity: ENTITY, property: 'assets', message: `at most ${max} assets can be updated at once, got ${inputs.length}` });
  }
  return inTransaction(deps, async (tx) => {
    const updated: Asset[] = [];
    for (const input of inputs) updated.push(await updateAsset(tx, input));
    return updated;
  });
}

/** updateAssetMetadata: replaces one schema's properties (`exif`, or any name). */
export async function updateAssetMetadata(deps: Deps, input: { id: string; schemaName: unknown; properties: unknown }): Promise<Asset> {
  const asset = await getAsset(deps, input.id);
  const schemaName = requireText(ENTITY, 'schemaName', input.schemaName);
  if (input.properties === null || typeof input.properties !== 'object' || Array.isArray(input.properties)) {
    throw invalid({ entity: ENTITY, property: 'properties', message: 'properties must be an object' });
  }
  return saveAsset(deps, asset, { metadata: { ...asset.metadata, [schemaName]: input.properties as Record<string, unknown> } });
}

/** deleteAssets: at most 200 ids; returns how many were deleted (ids of no asset are skipped). */
export async function deleteAssets(deps: Deps, ids: readonly string[], max = MAX_MUTATION_IDS): Promise<number> {
  if (ids.length > max) {
    throw invalid({ entity: ENTITY, property: 'id', message: `at most ${max} assets can be deleted at once, got ${ids.length}` });
  }
  // All or none: the assets are deleted in one transaction.
  return inTransaction(deps, async (tx) => {
    const found = await getAssets(tx, ids, Number.MAX_SAFE_INTEGER);
    for (const asset of found) await saveAsset(tx, asset, { status: 'DELETED', publishStatus: 'NOT_PUBLISHED', publishedBlobKey: null });
    return found.length;
  });
}
