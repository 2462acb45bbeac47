/** Where a resource sits (its hub, its repository), found from its id, for the permission checks. */
import type { Deps } from '../ports.js';
import { assetRepositoryScope, hubScope, mediaHubScope, repositoryScope, type Scope, type Target } from './access.js';

export type ResourceKind =
  | 'hub'
  | 'repository'
  | 'folder'
  | 'content-type'
  | 'schema'
  | 'workflow-state'
  | 'item'
  | 'publishing-job'
  | 'localization-job'
  | 'media-hub'
  | 'asset-repository'
  | 'asset-folder'
  | 'asset';

/** The entity name each kind's 404 uses (the operations' own notFound). */
export const KIND_ENTITY: Record<ResourceKind, string> = {
  hub: 'Hub',
  repository: 'ContentRepository',
  folder: 'Folder',
  'content-type': 'ContentType',
  schema: 'ContentTypeSchema',
  'workflow-state': 'WorkflowState',
  item: 'ContentItem',
  'publishing-job': 'PublishingJob',
  'localization-job': 'LocalizationJob',
  'media-hub': 'MediaHub',
  'asset-repository': 'AssetRepository',
  'asset-folder': 'AssetFolder',
  asset: 'Asset',
};

export interface Located {
  scope: Scope;
  target: Target;
}

async function scopeOf({ store }: Deps, kind: ResourceKind, id: string): Promise<Scope | undefined> {
  switch (kind) {
    case 'hub':
      return (await store.hubs.get(id)) && hubScope(id);
    case 'repository': {
      const repository = await store.contentRepositories.get(id);
      return repository && repositoryScope(repository.hubId, repository.id);
    }
    case 'folder': {
      const folder = await store.folders.get(id);
      return folder && repositoryScope(folder.hubId, folder.repositoryId);
    }
    case 'content-type': {
      const type = await store.contentTypes.get(id);
      return type && hubScope(type.hubId);
    }
    case 'schema': {
      const schema = await store.schemas.get(id);
      return schema && hubScope(schema.hubId);
    }
    case 'workflow-state': {
      const state = await store.workflowStates.get(id);
      return state && hubScope(state.hubId);
    }
    case 'item': {
      const item = await store.contentItems.get(id);
      return item && repositoryScope(item.hubId, item.contentRepositoryId);
    }
    case 'publishing-job': {
      const job = await store.publishingJobs.get(id);
      if (!job) return undefined;
      const item = await store.contentItems.get(job.contentItemId);
      return item ? repositoryScope(item.hubId, item.contentRepositoryId) : hubScope(job.hubId);
    }
    case 'localization-job': {
      const job = await store.localizationJobs.get(id);
      return job && hubScope(job.hubId);
    }
    case 'media-hub':
      return (await store.media.getHub(id)) && mediaHubScope(id);
    case 'asset-repository': {
      const repository = await store.media.getRepository(id);
      return repository && assetRepositoryScope(repository.mediaHubId, repository.id);
    }
    case 'asset-folder': {
      const folder = await store.media.getFolder(id);
      if (!folder) return undefined;
      const repository = await store.media.getRepository(folder.repositoryId);
      return repository && assetRepositoryScope(repository.mediaHubId, repository.id);
    }
    case 'asset': {
      const asset = await store.assets.get(id);
      return asset && assetRepositoryScope(asset.mediaHubId, asset.repositoryId);
    }
  }
}

/** The scope of the resource, or undefined when there is none with that id (the operation answers its own 404). */
export async function locate(deps: Deps, kind: ResourceKind, id: string): Promise<Located | undefined> {
  const scope = await scopeOf(deps, kind, id);
  return scope && { scope, target: { entity: KIND_ENTITY[kind], id } };
}
