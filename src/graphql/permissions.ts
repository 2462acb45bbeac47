/**
 * Permissions on the GraphQL Asset Management API (docs/graphql.md "Permissions"; the rules are those of
 * src/domain/access, as on the REST API). The caller sees the media hubs it holds READ on and everything
 * in them; the rest behaves as if it did not exist (null, left out of lists, NOT_FOUND). Every change
 * needs EDIT on the asset repository, held on the repository or on its media hub; without it, on a
 * repository the caller sees, the mutation is FORBIDDEN.
 *
 * Mutations are checked before they run and before their input is validated — a bulk one for every id
 * before anything changes — so a refused call changes nothing and tells nothing the caller may not see.
 * Ids that name nothing are left to the operation, which answers its own NOT_FOUND (the same error an
 * invisible object gets here).
 */
import { assetRepositoryScope, authorize, type Access, type Need } from '../domain/access/access.js';
import { locate } from '../domain/access/locate.js';
import { DomainError } from '../domain/errors.js';
import { assetToReplace, type AssetFileInput } from '../domain/media/ingest-asset.js';
import { editsSomeAssetRepository } from '../domain/media/media.js';
import type { Asset } from '../domain/model.js';
import type { Deps } from '../domain/ports.js';

const EDIT: Need = { acl: 'EDIT' };
/** Visibility alone. */
const SEE: Need = {};

const assetScope = (asset: Asset) => assetRepositoryScope(asset.mediaHubId, asset.repositoryId);

/** EDIT on the asset repository, or on the folder's repository. */
export async function requireEdit(deps: Deps, access: Access, kind: 'asset-repository' | 'asset-folder', id: string): Promise<void> {
  const located = await locate(deps, kind, id);
  if (located) authorize(access, located.scope, EDIT, located.target);
}

/** A folder named as where an asset goes must be one the caller sees (whether it fits is the operation's to say). */
export async function requireVisibleFolder(deps: Deps, access: Access, folderId: string | null | undefined): Promise<void> {
  if (!folderId) return;
  const located = await locate(deps, 'asset-folder', folderId);
  if (located) authorize(access, located.scope, SEE, located.target);
}

/**
 * EDIT on the repository of every asset of `ids`, all checked before the operation changes any. Ids of
 * no active asset are left to the operation (an error, or skipped by deleteAssets); a list longer than
 * the operation takes (`max`) is not looked up, as the operation refuses it whole before reading any.
 *
 * With `invisible: 'skip'` the assets the caller cannot see are taken out of the ids returned instead of
 * refused, for deleteAssets, which skips ids of no asset.
 */
export async function requireEditOnAssets(
  deps: Deps,
  access: Access,
  ids: readonly string[],
  max: number,
  invisible: 'refuse' | 'skip' = 'refuse',
): Promise<string[]> {
  if (ids.length > max) return [...ids];
  const hidden = new Set<string>();
  for (const asset of await deps.store.assets.getMany([...new Set(ids)])) {
    if (asset.status !== 'ACTIVE') continue;
    if (invisible === 'skip' && !access.sees(assetScope(asset))) hidden.add(asset.id);
    else authorize(access, assetScope(asset), EDIT, { entity: 'Asset', id: asset.id });
  }
  return ids.filter((id) => !hidden.has(id));
}

/**
 * createAsset and createOrUpdateAssetByName: EDIT on the repository named, a folder the caller sees, and,
 * when an asset of that name is to get the file from another repository of the media hub (it moves), EDIT
 * on that repository too.
 */
export async function requireAssetFileRights(
  deps: Deps,
  access: Access,
  input: Pick<AssetFileInput, 'repositoryId' | 'folderId' | 'name'>,
  byName: boolean,
): Promise<void> {
  await requireEdit(deps, access, 'asset-repository', input.repositoryId);
  await requireVisibleFolder(deps, access, input.folderId);
  if (!byName) return;
  const existing = await assetToReplace(deps, input);
  if (existing && existing.repositoryId !== input.repositoryId) authorize(access, assetScope(existing), EDIT, { entity: 'Asset', id: existing.id });
}

/** createTempFileUploadUrl names no repository: an upload is for an asset the caller could create somewhere. */
export async function requireSomeRepositoryToEdit(deps: Deps, access: Access): Promise<void> {
  if (await editsSomeAssetRepository(deps, access)) return;
  throw new DomainError('Forbidden', [
    {
      entity: 'AssetRepository',
      message: `${access.sid} lacks AssetRepository - EDIT on every asset repository it sees; an upload URL is only for creating assets`,
    },
  ]);
}
