/**
 * 003 "Manage Access to Resources": the members of a hub or content repository (who holds which ACL
 * permissions on it), granting and revoking. Only a member holding MANAGE_ACCESS there (and 003's
 * functional permission) may look or change; the functional permissions are managed by `decibel grant`.
 */
import { invalid, notFound } from '../errors.js';
import type { Deps, Grant } from '../ports.js';
import { authorize, type Access, type Need } from './access.js';
import { locate } from './locate.js';
import {
  ACL_PERMISSIONS,
  FUNCTIONAL,
  isAclPermission,
  isFunctionalPermission,
  ROLES,
  type AclPermission,
  type AclResource,
  type FunctionalPermission,
} from './permissions.js';

/** The resources of 003's `resource` path parameter. */
export const MANAGED_RESOURCES = ['hubs', 'content-repositories'] as const;
export type ManagedResource = (typeof MANAGED_RESOURCES)[number];

export interface Member {
  sid: string;
  permissions: AclPermission[];
}

/** 003's tables: READ on the hub, MANAGE_ACCESS on the resource, and either of two functional permissions. */
const MANAGE: Record<ManagedResource, Need> = {
  hubs: { acl: 'MANAGE_ACCESS', anyFunctional: [FUNCTIONAL.ADMIN_MANAGE_ACCESS, FUNCTIONAL.HUB_MANAGE_ACCESS] },
  'content-repositories': { acl: 'MANAGE_ACCESS', anyFunctional: [FUNCTIONAL.ADMIN_MANAGE_ACCESS, FUNCTIONAL.REPOSITORY_MANAGE_ACCESS] },
};

export const manageAccessNeed = (resource: ManagedResource): Need => MANAGE[resource];

/** Refuses a caller who may not manage access to the resource (404 when it cannot see it). */
export async function requireAccessManager(deps: Deps, access: Access, resource: ManagedResource, resourceId: string): Promise<void> {
  const located = await locate(deps, resource === 'hubs' ? 'hub' : 'repository', resourceId);
  if (!located) throw notFound(resource === 'hubs' ? 'Hub' : 'ContentRepository', resourceId);
  authorize(access, located.scope, MANAGE[resource], located.target);
}

function membersOf(grants: readonly Grant[]): Member[] {
  const bySid = new Map<string, AclPermission[]>();
  for (const grant of grants) {
    if (!isAclPermission(grant.permission)) continue;
    let held = bySid.get(grant.sid);
    if (!held) bySid.set(grant.sid, (held = []));
    held.push(grant.permission);
  }
  const order = (p: AclPermission) => ACL_PERMISSIONS.indexOf(p);
  return [...bySid].map(([sid, permissions]) => ({ sid, permissions: permissions.sort((a, b) => order(a) - order(b)) }));
}

export async function listMembers(deps: Deps, access: Access, resource: ManagedResource, resourceId: string): Promise<Member[]> {
  await requireAccessManager(deps, access, resource, resourceId);
  return membersOf(await deps.store.grants.listForResource(resource, resourceId));
}

export async function getMember(deps: Deps, access: Access, resource: ManagedResource, resourceId: string, sid: string): Promise<Member> {
  await requireAccessManager(deps, access, resource, resourceId);
  const member = membersOf(await deps.store.grants.listForResource(resource, resourceId)).find((m) => m.sid === sid);
  if (!member) throw notFound('Member', sid);
  return member;
}

/** `READ,EDIT` → the ACL permissions it names; anything else is refused, naming it. */
export function parseAclPermissions(list: string): AclPermission[] {
  const names = list.split(',').map((name) => name.trim().toUpperCase());
  const unknown = names.filter((name) => !isAclPermission(name));
  if (names.length === 0 || unknown.length > 0) {
    throw invalid({
      entity: 'Member',
      property: 'permissions',
      invalidValue: list,
      message: `permissions must be a comma-separated list of ${ACL_PERMISSIONS.join(', ')}`,
    });
  }
  return [...new Set(names as AclPermission[])];
}

async function requireClient(deps: Deps, sid: string): Promise<void> {
  if (!(await deps.store.clients.get(sid))) {
    throw invalid({ entity: 'Member', property: 'sid', invalidValue: sid, message: 'no client with this id; members are API clients' });
  }
}

/** 003's path parameters of granting and revoking: `permissions` is a comma-separated list. */
export interface PermissionChange {
  resource: ManagedResource;
  resourceId: string;
  sid: string;
  permissions: string;
}

/** Grants ACL permissions on the resource (held ones stay as they are). */
export async function grantPermissions(deps: Deps, access: Access, { resource, resourceId, sid, permissions }: PermissionChange): Promise<void> {
  await requireAccessManager(deps, access, resource, resourceId);
  const names = parseAclPermissions(permissions);
  await requireClient(deps, sid);
  await addAcl(deps, sid, resource, resourceId, names);
}

/** Revokes ACL permissions on the resource; ones the member does not hold are ignored (a retried call is harmless). */
export async function revokePermissions(deps: Deps, access: Access, { resource, resourceId, sid, permissions }: PermissionChange): Promise<void> {
  await requireAccessManager(deps, access, resource, resourceId);
  const names = parseAclPermissions(permissions);
  if (!(await deps.store.clients.get(sid))) throw notFound('Member', sid);
  await deps.store.grants.remove(sid, resource, resourceId, names);
}

// ---- Without a caller: the CLI and the bootstrap ----

export async function addAcl(deps: Deps, sid: string, resourceType: AclResource, resourceId: string, permissions: readonly AclPermission[]): Promise<void> {
  const grantedDate = deps.clock.now();
  await deps.store.grants.add(permissions.map((permission) => ({ sid, resourceType, resourceId, permission, grantedDate })));
}

export async function addFunctional(deps: Deps, sid: string, permissions: readonly FunctionalPermission[]): Promise<void> {
  const grantedDate = deps.clock.now();
  await deps.store.grants.add(permissions.map((permission) => ({ sid, resourceType: 'functional', resourceId: '', permission, grantedDate })));
}

export const removeFunctional = (deps: Deps, sid: string, permissions: readonly FunctionalPermission[]) =>
  deps.store.grants.remove(sid, 'functional', '', [...permissions]);

/** A role of `ROLES` on a hub (or media hub): its ACL permissions there and its functional permissions. */
export async function grantRole(deps: Deps, sid: string, role: string, on: { type: 'hubs' | 'media-hubs'; id: string }): Promise<void> {
  const bundle = Object.hasOwn(ROLES, role) ? ROLES[role] : undefined;
  if (!bundle) throw invalid({ entity: 'Role', property: 'role', invalidValue: role, message: `role must be one of ${Object.keys(ROLES).join(', ')}` });
  await addAcl(deps, sid, on.type, on.id, bundle.acl);
  await addFunctional(deps, sid, bundle.functional);
}

/** Splits a CLI list of permissions into ACL and functional names, refusing unknown ones. */
export function classifyPermissions(list: string): { acl: AclPermission[]; functional: FunctionalPermission[] } {
  const acl: AclPermission[] = [];
  const functional: FunctionalPermission[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (isAclPermission(name.toUpperCase())) acl.push(name.toUpperCase() as AclPermission);
    else if (isFunctionalPermission(name)) functional.push(name);
    else throw invalid({ entity: 'Member', property: 'permissions', invalidValue: name, message: 'not a known ACL or functional permission (docs/permissions.md)' });
  }
  return { acl, functional };
}
