/**
 * Media hubs, asset repositories and asset folders (the GraphQL Asset Management API's containers).
 * Reads take offset/limit slices for Relay connections; folder changes check the rules below.
 */
import { conflict, invalid, notFound } from '../errors.js';
import { requireText } from '../fields.js';
import type { AssetFolder, AssetRepository, MediaHub } from '../model.js';
import type { Deps, Slice } from '../ports.js';

/** The first start's media hub (named like the bootstrap hub) with one asset repository; instances may race. */
export async function ensureMediaHub(deps: Deps, name: string): Promise<void> {
  if (await deps.store.media.getHubByName(name)) return;
  const now = deps.clock.now();
  const hub: MediaHub = { id: deps.ids.uuid(), name, label: name, createdDate: now };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.media.insertHub(hub);
      await tx.media.insertRepository({ id: deps.ids.uuid(), mediaHubId: hub.id, label: 'Assets', createdDate: now });
    });
  } catch (error) {
    if (!(await deps.store.media.getHubByName(name))) throw error;
  }
}

export const listMediaHubs = (deps: Deps, offset: number, limit: number): Promise<Slice<MediaHub>> => deps.store.media.listHubs(offset, limit);

export async function getMediaHub(deps: Deps, id: string): Promise<MediaHub> {
  const hub = await deps.store.media.getHub(id);
  if (!hub) throw notFound('MediaHub', id);
  return hub;
}

export async function getAssetRepository(deps: Deps, id: string): Promise<AssetRepository> {
  const repository = await deps.store.media.getRepository(id);
  if (!repository) throw notFound('AssetRepository', id);
  return repository;
}

export async function getAssetFolder(deps: Deps, id: string): Promise<AssetFolder> {
  const folder = await deps.store.media.getFolder(id);
  if (!folder) throw notFound('AssetFolder', id);
  return folder;
}

export const listAssetRepositories = (deps: Deps, mediaHubId: string, offset: number, limit: number) =>
  deps.store.media.listRepositories(mediaHubId, offset, limit);

export const listAssetFolders = (deps: Deps, repositoryId: string, parentId: string | null, offset: number, limit: number) =>
  deps.store.media.listFolders(repositoryId, parentId, offset, limit);

/** A folder in a repository, at its top or under `parentId` (which must be a folder of the same repository). */
export async function createAssetFolder(deps: Deps, input: { repositoryId: string; label: unknown; parentId: string | null }): Promise<AssetFolder> {
  const repository = await getAssetRepository(deps, input.repositoryId);
  const label = requireText('AssetFolder', 'label', input.label);
  if (input.parentId !== null) {
    const parent = await deps.store.media.getFolder(input.parentId);
    if (!parent || parent.repositoryId !== repository.id) {
      throw invalid({ entity: 'AssetFolder', property: 'parentId', invalidValue: input.parentId, message: 'parentId must be a folder of the same asset repository' });
    }
  }
  const folder: AssetFolder = { id: deps.ids.uuid(), repositoryId: repository.id, parentId: input.parentId, label, createdDate: deps.clock.now() };
  await deps.store.media.insertFolder(folder);
  return folder;
}

export async function renameAssetFolder(deps: Deps, id: string, label: unknown): Promise<AssetFolder> {
  const folder = await getAssetFolder(deps, id);
  const renamed = { ...folder, label: requireText('AssetFolder', 'label', label) };
  await deps.store.media.renameFolder(id, renamed.label);
  return renamed;
}

/** Deletes an empty folder; one with sub-folders is refused (409) and nothing changes. */
export async function deleteAssetFolder(deps: Deps, id: string): Promise<void> {
  const folder = await getAssetFolder(deps, id);
  const children = await deps.store.media.listFolders(folder.repositoryId, folder.id, 0, 0);
  if (children.total > 0) {
    throw conflict({ entity: 'AssetFolder', property: 'id', invalidValue: id, message: `the folder is not empty: it has ${children.total} sub-folder(s)` });
  }
  await deps.store.media.deleteFolder(id);
}
