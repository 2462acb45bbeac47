/**
 * What `client create --role`, `grant` and `revoke` share: the resource options, checking role and
 * permission names before anything is written, and printing what was granted or revoked.
 */
import { classifyPermissions } from '../domain/access/members.js';
import {
  ACL_PERMISSIONS,
  FUNCTIONAL_PERMISSIONS,
  ROLES,
  type AclPermission,
  type AclResource,
  type FunctionalPermission,
} from '../domain/access/permissions.js';
import { DomainError, invalid } from '../domain/errors.js';
import type { Store } from '../domain/ports.js';
import { findAssetRepository, findContentRepository, findHub, findMediaHub, UsageError } from './command.js';

/** The options naming the resource an ACL permission is held on, with the resource type each names. */
export const RESOURCE_FLAGS = {
  hub: 'hubs',
  repository: 'content-repositories',
  'media-hub': 'media-hubs',
  'asset-repository': 'asset-repositories',
} as const satisfies Record<string, AclResource>;
export type ResourceFlag = keyof typeof RESOURCE_FLAGS;

/** For parseArgs. */
export const RESOURCE_ARGS = {
  hub: { type: 'string' },
  repository: { type: 'string' },
  'media-hub': { type: 'string' },
  'asset-repository': { type: 'string' },
} as const;

/** For --help. */
export const RESOURCE_OPTIONS: [string, string][] = [
  ['--hub HUB', 'a hub, by id or by name'],
  ['--repository REPO', 'a content repository, by id or as HUB/NAME'],
  ['--media-hub HUB', 'a media hub, by id (a UUID or its GraphQL id) or by name'],
  ['--asset-repository ID', 'an asset repository, by id (a UUID or its GraphQL id)'],
];

export const ROLE_NAMES = Object.keys(ROLES);

const KIND: Record<AclResource, string> = {
  hubs: 'hub',
  'content-repositories': 'repository',
  'media-hubs': 'media hub',
  'asset-repositories': 'asset repository',
};

/** A resource option as given: which one, and its value. */
export interface ResourceOption {
  flag: ResourceFlag;
  type: AclResource;
  ref: string;
}

/** A resource found in the store. */
export interface Resource {
  type: AclResource;
  id: string;
  /** For people: the name (a repository's as HUB/NAME, an asset repository's as MEDIA-HUB/LABEL). */
  name: string;
}

/** ACL permissions held on one resource, as printed with --json. */
export interface AclGrant {
  resourceType: AclResource;
  resourceId: string;
  resourceName: string;
  permissions: AclPermission[];
}

/** The one resource option given, if any; more than one is a usage error. */
export function resourceOption(values: Partial<Record<ResourceFlag, string>>): ResourceOption | undefined {
  const given = (Object.keys(RESOURCE_FLAGS) as ResourceFlag[]).filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new UsageError(`give at most one resource option, got ${given.map((flag) => `--${flag}`).join(' and ')}`);
  const flag = given[0];
  return flag === undefined ? undefined : { flag, type: RESOURCE_FLAGS[flag], ref: values[flag]! };
}

/** The role named, refusing any other name. */
export function requireRole(name: string): string {
  if (!Object.hasOwn(ROLES, name)) {
    throw invalid({ entity: 'Role', property: 'role', invalidValue: name, message: `role must be one of ${ROLE_NAMES.join(', ')}` });
  }
  return name;
}

/**
 * A --permissions list split into ACL and functional names (unknown names refused), checked against the
 * resource option: ACL names need one, functional names are client-wide and take none.
 */
export function permissionsFor(list: string, resource: ResourceOption | undefined): { acl: AclPermission[]; functional: FunctionalPermission[] } {
  const { acl, functional } = classifyPermissions(list);
  if (acl.length > 0 && !resource) {
    throw new UsageError(`${acl.join(', ')} ${acl.length === 1 ? 'is' : 'are'} held on a resource: give --hub, --repository, --media-hub or --asset-repository`);
  }
  if (acl.length === 0 && resource) {
    throw new UsageError(`--${resource.flag} is for ACL permissions (${ACL_PERMISSIONS.join(', ')}); functional permissions are client-wide, leave it out`);
  }
  const aclOrder = (p: AclPermission) => ACL_PERMISSIONS.indexOf(p);
  const functionalOrder = (p: FunctionalPermission) => FUNCTIONAL_PERMISSIONS.indexOf(p);
  return { acl: [...new Set(acl)].sort((a, b) => aclOrder(a) - aclOrder(b)), functional: [...new Set(functional)].sort((a, b) => functionalOrder(a) - functionalOrder(b)) };
}

/** Looks the resource up, refusing one that does not exist. */
export async function findResource(store: Store, type: AclResource, ref: string): Promise<Resource> {
  switch (type) {
    case 'hubs': {
      const hub = await findHub(store, ref);
      return { type, id: hub.id, name: hub.name };
    }
    case 'content-repositories': {
      const { hub, repository } = await findContentRepository(store, ref);
      return { type, id: repository.id, name: `${hub.name}/${repository.name}` };
    }
    case 'media-hubs': {
      const hub = await findMediaHub(store, ref);
      return { type, id: hub.id, name: hub.name };
    }
    case 'asset-repositories': {
      const { hub, repository } = await findAssetRepository(store, ref);
      return { type, id: repository.id, name: `${hub.name}/${repository.label}` };
    }
  }
}

/** Refuses a client id no client has. */
export async function requireClient(store: Store, clientId: string): Promise<void> {
  if (!(await store.clients.get(clientId))) {
    throw new DomainError('NotFound', [{ entity: 'Client', property: 'clientId', invalidValue: clientId, message: 'no client with this id' }]);
  }
}

export const aclGrant = (resource: Resource, permissions: readonly AclPermission[]): AclGrant => ({
  resourceType: resource.type,
  resourceId: resource.id,
  resourceName: resource.name,
  permissions: [...permissions],
});

/** `hub test-hub (5f…): READ, EDIT` and `client-wide: CONTENT:FUNCTIONAL:…` lines, indented. */
export function permissionLines(acl: readonly AclGrant[], functional: readonly string[], indent = '  '): string[] {
  return [
    ...acl.map((grant) => `${indent}${KIND[grant.resourceType]} ${grant.resourceName} (${grant.resourceId}): ${grant.permissions.join(', ')}`),
    ...functional.map((name) => `${indent}client-wide: ${name}`),
  ];
}
