/** Where a resource sits (its hub, its repository), found from its id, for the permission checks. */
import type { Deps, ScopeRepository } from '../ports.js';
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

const LOOKUP: Record<Exclude<ResourceKind, 'hub' | 'media-hub'>, keyof ScopeRepository> = {
  repository: 'repository',
  folder: 'folder',
  'content-type': 'contentType',
  schema: 'schema',
  'workflow-state': 'workflowState',
  item: 'item',
  'publishing-job': 'publishingJob',
  'localization-job': 'localizationJob',
  'asset-repository': 'assetRepository',
  'asset-folder': 'assetFolder',
  asset: 'asset',
};

const MEDIA: ReadonlySet<ResourceKind> = new Set(['asset-repository', 'asset-folder', 'asset']);

async function scopeOf({ store }: Deps, kind: ResourceKind, id: string): Promise<Scope | undefined> {
  // A hub is its own scope: nothing to read. Grants only ever name hubs that exist (hubs are never
  // deleted), so a caller without READ on the id gets the 404 a missing hub gets, and one with it
  // reaches the operation, which reads the hub anyway.
  if (kind === 'hub') return hubScope(id);
  if (kind === 'media-hub') return mediaHubScope(id);
  const found = await store.scopes[LOOKUP[kind]](id);
  if (!found) return undefined;
  if (MEDIA.has(kind)) return found.repositoryId ? assetRepositoryScope(found.hubId, found.repositoryId) : mediaHubScope(found.hubId);
  return found.repositoryId ? repositoryScope(found.hubId, found.repositoryId) : hubScope(found.hubId);
}

/**
 * The scope of the resource, or undefined when there is none with that id (the operation answers its own
 * 404). A hub's or media hub's scope is its id, found without reading.
 */
export async function locate(deps: Deps, kind: ResourceKind, id: string): Promise<Located | undefined> {
  const scope = await scopeOf(deps, kind, id);
  return scope && { scope, target: { entity: KIND_ENTITY[kind], id } };
}
