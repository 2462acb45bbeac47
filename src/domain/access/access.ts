/**
 * Whether a member may do something (003 "Administration"; docs/permissions.md).
 *
 * - A resource is visible when the member holds READ on its hub (or media hub); everything under a hub
 *   shares its visibility. Not visible → 404 with the very body of a missing resource, so ids do not leak.
 * - Visible but lacking the ACL permission or a functional permission the operation needs → 403.
 * - A repository's ACL is what the member holds on the repository plus what it holds on the hub.
 *
 * Every request reads the version of the grants (one row), so a grant or revocation counts from the
 * caller's next request, whichever process made it; a member's grants are read again only when it changed.
 */
import { DomainError, notFound } from '../errors.js';
import type { Deps, Grant, GrantRepository } from '../ports.js';
import { ACL_ENTITY, type AclPermission, type AclResource, type FunctionalPermission } from './permissions.js';

/** Where a resource sits: its hub (or media hub) and, below it, its repository. */
export interface Scope {
  top: { type: 'hubs' | 'media-hubs'; id: string };
  repository?: { type: 'content-repositories' | 'asset-repositories'; id: string };
}

export const hubScope = (hubId: string): Scope => ({ top: { type: 'hubs', id: hubId } });
export const repositoryScope = (hubId: string, repositoryId: string): Scope => ({
  top: { type: 'hubs', id: hubId },
  repository: { type: 'content-repositories', id: repositoryId },
});
export const mediaHubScope = (mediaHubId: string): Scope => ({ top: { type: 'media-hubs', id: mediaHubId } });
export const assetRepositoryScope = (mediaHubId: string, repositoryId: string): Scope => ({
  top: { type: 'media-hubs', id: mediaHubId },
  repository: { type: 'asset-repositories', id: repositoryId },
});

/** What an operation needs beyond visibility. */
export interface Need {
  /** ACL permission on the scope (its repository's, or the hub's when there is no repository). */
  acl?: AclPermission;
  /** Functional permissions, all of them. */
  functional?: readonly FunctionalPermission[];
  /** Functional permissions, any one of them (003's two names per access operation). */
  anyFunctional?: readonly FunctionalPermission[];
}

export interface Access {
  readonly sid: string;
  hasFunctional(permission: FunctionalPermission): boolean;
  /** The ACL permissions the member holds on the scope: the repository's and the hub's together. */
  aclOn(scope: Scope): ReadonlySet<string>;
  /** Whether the member sees the scope (READ on its hub or media hub). */
  sees(scope: Scope): boolean;
  /** Whether the operation is allowed (visible, and `need` met). */
  allows(scope: Scope, need: Need): boolean;
  /** Ids of the hubs (or media hubs) the member sees. */
  visible(type: 'hubs' | 'media-hubs'): string[];
}

const key = (type: string, id: string) => `${type}\u0000${id}`;
const NONE: ReadonlySet<string> = new Set();

/** How many members' grants a process keeps; past that the oldest are read again when needed. */
const KEPT_MEMBERS = 10_000;

/**
 * Members' grants as last read, by store (a process may serve several databases, as tests do), kept
 * while the grants' version is unchanged: reading a member's grants (twenty-odd rows for an
 * administrator) cost more than the rest of a small request (bench/, docs/benchmarks.md).
 */
const kept = new WeakMap<GrantRepository, Map<string, { version: number; access: Access }>>();

/** The member's permissions as held now. */
export async function loadAccess({ store }: Deps, sid: string): Promise<Access> {
  let members = kept.get(store.grants);
  if (!members) kept.set(store.grants, (members = new Map()));
  // The version is read before the grants: a change made between the two carries a later version.
  const version = await store.grants.version();
  const known = members.get(sid);
  if (known && known.version === version) return known.access;
  const access = accessFrom(sid, await store.grants.listForSid(sid));
  if (members.size >= KEPT_MEMBERS && !known) members.delete(members.keys().next().value!);
  members.set(sid, { version, access });
  return access;
}

export function accessFrom(sid: string, grants: readonly Grant[]): Access {
  const functional = new Set<string>();
  const acl = new Map<string, Set<string>>();
  for (const grant of grants) {
    if (grant.resourceType === 'functional') {
      functional.add(grant.permission);
      continue;
    }
    const k = key(grant.resourceType, grant.resourceId);
    let held = acl.get(k);
    if (!held) acl.set(k, (held = new Set()));
    held.add(grant.permission);
  }
  const on = (type: string, id: string) => acl.get(key(type, id)) ?? NONE;
  const access: Access = {
    sid,
    hasFunctional: (permission) => functional.has(permission),
    aclOn(scope) {
      const top = on(scope.top.type, scope.top.id);
      if (!scope.repository) return top;
      const own = on(scope.repository.type, scope.repository.id);
      return own.size === 0 ? top : new Set([...top, ...own]);
    },
    sees: (scope) => on(scope.top.type, scope.top.id).has('READ'),
    allows(scope, need) {
      if (!access.sees(scope)) return false;
      if (need.acl && !access.aclOn(scope).has(need.acl)) return false;
      if (need.functional && !need.functional.every((p) => functional.has(p))) return false;
      if (need.anyFunctional && !need.anyFunctional.some((p) => functional.has(p))) return false;
      return true;
    },
    visible(type) {
      const ids: string[] = [];
      for (const grant of grants) if (grant.resourceType === type && grant.permission === 'READ') ids.push(grant.resourceId);
      return ids;
    },
  };
  return access;
}

/** Where the missing-resource body names the resource: `entity` and `id` as the operation's own 404 would. */
export interface Target {
  entity: string;
  id: string;
}

/**
 * Refuses what the member may not do: 404 (the body of a missing `target`) when the scope is not visible,
 * 403 naming what is missing when it is visible.
 */
export function authorize(access: Access, scope: Scope, need: Need, target: Target): void {
  if (!access.sees(scope)) throw notFound(target.entity, target.id);
  const missing: string[] = [];
  const where = scope.repository ?? scope.top;
  if (need.acl && !access.aclOn(scope).has(need.acl)) missing.push(`${ACL_ENTITY[where.type as AclResource]} - ${need.acl}`);
  for (const permission of need.functional ?? []) if (!access.hasFunctional(permission)) missing.push(permission);
  if (need.anyFunctional && !need.anyFunctional.some((p) => access.hasFunctional(p))) missing.push(need.anyFunctional.join(' or '));
  if (missing.length === 0) return;
  throw new DomainError('Forbidden', [
    {
      entity: target.entity,
      invalidValue: target.id,
      message: `${access.sid} lacks ${missing.join(', ')} for this ${target.entity}`,
    },
  ]);
}
