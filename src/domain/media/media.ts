/**
 * Media hubs, asset repositories and asset folders (the GraphQL Asset Management API's containers).
 * Reads take offset/limit slices for Relay connections; folder changes check the rules below.
 */
import { conflict, DomainError, invalid, notFound } from '../errors.js';
import { requireName, requireText } from '../fields.js';
import type { AssetFolder, AssetRepository, MediaHub } from '../model.js';
import type { Deps, Slice } from '../ports.js';
import { inTransaction } from '../transaction.js';
import { grantRole } from '../access/members.js';
import { assetRepositoryScope, mediaHubScope, type Access } from '../access/access.js';

/** The asset repository a media hub is made with, as on the first start. */
export const FIRST_ASSET_REPOSITORY = 'Assets';

/** The first start's media hub (named like the bootstrap hub) with one asset repository; instances may race. */
export async function ensureMediaHub(deps: Deps, name: string): Promise<void> {
  if (await deps.store.media.getHubByName(name)) return;
  try {
    await createMediaHub(deps, { name });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'Conflict')) throw error;
  }
}

export interface CreateMediaHubInput {
  name: unknown;
  /** Default: the name. */
  label?: unknown;
  /** False for a media hub without repositories; by default it gets one, "Assets". */
  withRepository?: boolean;
  /** Clients made administrators of the media hub (the `admin` role: docs/permissions.md). */
  admins?: string[];
}

/** A media hub and its first asset repository, in one transaction. Only the CLI and the bootstrap make media hubs. */
export async function createMediaHub(deps: Deps, input: CreateMediaHubInput): Promise<{ hub: MediaHub; repositories: AssetRepository[] }> {
  // Media hub names are the endpoint of published files' URLs (/i/{name}/…), so they follow the hub name rule.
  const name = requireName('MediaHub', input.name);
  const label = input.label === undefined ? name : requireText('MediaHub', 'label', input.label);
  if (await deps.store.media.getHubByName(name)) throw mediaHubNameTaken(name);
  const now = deps.clock.now();
  const hub: MediaHub = { id: deps.ids.uuid(), name, label, createdDate: now };
  const repositories: AssetRepository[] =
    input.withRepository === false ? [] : [{ id: deps.ids.uuid(), mediaHubId: hub.id, label: FIRST_ASSET_REPOSITORY, createdDate: now }];
  try {
    await inTransaction(deps, async (tx) => {
      await tx.store.media.insertHub(hub);
      for (const repository of repositories) await tx.store.media.insertRepository(repository);
      for (const sid of input.admins ?? []) await grantRole(tx, sid, 'admin', { type: 'media-hubs', id: hub.id });
    });
  } catch (error) {
    // The unique index on media_hubs.name refused it: another writer took the name since the check above.
    if (await deps.store.media.getHubByName(name)) throw mediaHubNameTaken(name);
    throw error;
  }
  return { hub, repositories };
}

const mediaHubNameTaken = (name: string) =>
  conflict({ entity: 'MediaHub', property: 'name', invalidValue: name, message: 'name must be unique' });

/** Another asset repository in a media hub; labels need not be unique (ids tell repositories apart). */
export async function createAssetRepository(deps: Deps, input: { mediaHubId: string; label: unknown }): Promise<AssetRepository> {
  const hub = await getMediaHub(deps, input.mediaHubId);
  const label = requireText('AssetRepository', 'label', input.label);
  const repository: AssetRepository = { id: deps.ids.uuid(), mediaHubId: hub.id, label, createdDate: deps.clock.now() };
  await deps.store.media.insertRepository(repository);
  return repository;
}

/** The media hubs the member sees (READ on the media hub), by name. */
export const listMediaHubs = (deps: Deps, access: Access, offset: number, limit: number): Promise<Slice<MediaHub>> =>
  deps.store.media.listHubs(offset, limit, access.visible('media-hubs'));

/** Whether the member sees the media hub (and so everything in it). */
export const seesMediaHub = (access: Access, mediaHubId: string): boolean => access.sees(mediaHubScope(mediaHubId));

/**
 * The media hubs whose assets the member may find, as a restriction for searchAssets and getAssets;
 * undefined when it sees every media hub, so that a search needs no restriction (and keeps the plans
 * its indexes were made for: migration 012).
 */
export async function visibleMediaHubIds(deps: Deps, access: Access): Promise<string[] | undefined> {
  const visible = [...new Set(access.visible('media-hubs'))];
  if (visible.length === 0) return [];
  const [all, seen] = await Promise.all([deps.store.media.listHubs(0, 0), deps.store.media.listHubs(0, 0, visible)]);
  return seen.total === all.total ? undefined : visible;
}

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

/** Whether the member may change some asset repository: one it sees and holds EDIT on (or on its media hub). */
export async function editsSomeAssetRepository(deps: Deps, access: Access): Promise<boolean> {
  for (const mediaHubId of new Set(access.visible('media-hubs'))) {
    const { items } = await deps.store.media.listRepositories(mediaHubId, 0, Number.MAX_SAFE_INTEGER);
    if (items.some((repository) => access.allows(assetRepositoryScope(mediaHubId, repository.id), { acl: 'EDIT' }))) return true;
  }
  return false;
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
