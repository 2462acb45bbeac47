import { conflict, notFound } from '../errors.js';
import { patchable, requireText } from '../fields.js';
import type { Folder, Page, PageRequest } from '../model.js';
import type { Actor, Deps } from '../ports.js';
import { getRepository } from '../repositories/queries.js';

export const FOLDER_SORT_FIELDS = ['name', 'createdDate', 'lastModifiedDate'] as const;

export async function getFolder({ store }: Deps, id: string): Promise<Folder> {
  const folder = await store.folders.get(id);
  if (!folder) throw notFound('Folder', id);
  return folder;
}

/** Folders at the root of a repository (`folders` on a repository). */
export async function listRootFolders(deps: Deps, repositoryId: string, page: PageRequest): Promise<Page<Folder>> {
  await getRepository(deps, repositoryId);
  return deps.store.folders.list({ repositoryId, parentId: null }, page);
}

/** The direct sub-folders of a folder (`/folders/{id}/folders`). */
export async function listSubFolders(deps: Deps, folderId: string, page: PageRequest): Promise<Page<Folder>> {
  const folder = await getFolder(deps, folderId);
  return deps.store.folders.list({ repositoryId: folder.repositoryId, parentId: folder.id }, page);
}

/** Creates a folder at a repository's root, or inside `parent` (`create-folder` on either). */
export async function createFolder(
  deps: Deps,
  actor: Actor,
  where: { repositoryId: string } | { parentId: string },
  body: { name?: unknown },
): Promise<Folder> {
  let repositoryId: string;
  let parentId: string | null = null;
  if ('parentId' in where) {
    const parent = await getFolder(deps, where.parentId);
    repositoryId = parent.repositoryId;
    parentId = parent.id;
  } else {
    repositoryId = where.repositoryId;
  }
  const repository = await getRepository(deps, repositoryId);
  const now = deps.clock.now();
  const folder: Folder = {
    id: deps.ids.objectId(),
    hubId: repository.hubId,
    repositoryId,
    parentId,
    name: requireText('Folder', 'name', body.name),
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  await deps.store.folders.insert(folder);
  return folder;
}

/** PATCH /folders/{id}: rename. */
export async function updateFolder(deps: Deps, actor: Actor, id: string, body: Record<string, unknown>): Promise<Folder> {
  const folder = await getFolder(deps, id);
  const patch = patchable(body, ['name']);
  if (patch.name === undefined || patch.name === folder.name) return folder;
  const saved = { ...folder, name: requireText('Folder', 'name', patch.name), lastModifiedBy: actor.sid, lastModifiedDate: deps.clock.now() };
  await deps.store.folders.update(saved);
  return saved;
}

/** DELETE /folders/{id}: refused (409) while the folder holds sub-folders or content. */
export async function deleteFolder(deps: Deps, id: string): Promise<void> {
  const folder = await getFolder(deps, id);
  const children = await deps.store.folders.countChildren(folder.id);
  if (children > 0) {
    throw conflict({ entity: 'Folder', property: 'id', invalidValue: id, message: `the folder is not empty: it has ${children} sub-folder(s)` });
  }
  const items = await deps.store.contentItems.countInFolder(folder.id);
  if (items > 0) {
    throw conflict({ entity: 'Folder', property: 'id', invalidValue: id, message: `the folder is not empty: it holds ${items} content item(s)` });
  }
  await deps.store.folders.delete(folder.id);
}
