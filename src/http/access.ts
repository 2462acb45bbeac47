/**
 * Permissions on the Management API (docs/permissions.md): what each operation needs, checked before the
 * operation runs (and before its body is validated), and which relations each resource offers the caller.
 *
 * Every route must have a rule here: registering one without fails at start-up, so no endpoint is left
 * unchecked by accident.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, type Access, type Need, type Scope } from '../domain/access/access.js';
import { locate, type ResourceKind } from '../domain/access/locate.js';
import { FUNCTIONAL as F } from '../domain/access/permissions.js';
import type { Deps } from '../domain/ports.js';
import { API_PREFIX, type Links } from './hal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's permissions as held when the request arrived. */
    access: Access;
  }
}

/** Where a route finds the id of the resource it acts on. */
type IdSource = { params: string } | { query: string } | { bodyItems: true };

type Rule =
  /** Checks the resource named by `id`: it must be visible to the caller, and `need` met. */
  | { kind: ResourceKind; id: IdSource; need: Need }
  /** The operation filters by itself (the hub list shows the hubs the caller sees). */
  | { filtered: true }
  /** Access management and modules check in their own domain services. */
  | { administration: true };

/** The resource of path parameter `param` visible, and the functional permissions. */
const visible = (kind: ResourceKind, functional: Need['functional'] = [], param = 'id'): Rule => ({ kind, id: { params: param }, need: { functional } });
/** EDIT on the resource (its repository's, or its hub's), and the functional permissions. */
const editing = (kind: ResourceKind, functional: Need['functional'], param = 'id'): Rule => ({ kind, id: { params: param }, need: { acl: 'EDIT', functional } });

const HUB = 'hubId';
const ITEM_READ = [F.CONTENT_ITEM_READ];
const ITEM_EDIT = [F.CONTENT_ITEM_EDIT];

/** What every Management API operation needs, by method and route (as registered under /v2/content). */
export const RULES: Record<string, Rule> = {
  'GET /hubs': { filtered: true },
  'GET /hubs/:hubId': visible('hub', [], HUB),
  'PATCH /hubs/:hubId': editing('hub', [F.HUB_EDIT], HUB),
  'PATCH /hubs/:hubId/settings': editing('hub', [F.HUB_EDIT], HUB),

  'GET /hubs/:hubId/content-repositories': visible('hub', [F.REPOSITORY_READ], HUB),
  'GET /hubs/:hubId/content-repositories/search/findByFeaturesContaining': visible('hub', [F.REPOSITORY_READ], HUB),
  'POST /hubs/:hubId/content-repositories': editing('hub', [F.REPOSITORY_CREATE], HUB),
  'GET /content-repositories/:id': visible('repository', [F.REPOSITORY_READ]),
  'PATCH /content-repositories/:id': editing('repository', [F.REPOSITORY_EDIT]),
  'POST /content-repositories/:id/content-types': editing('repository', [F.REPOSITORY_EDIT]),
  'DELETE /content-repositories/:id/content-types/:typeId': editing('repository', [F.REPOSITORY_EDIT]),

  'GET /content-repositories/:id/folders': visible('repository', ITEM_READ),
  'POST /content-repositories/:id/folders': editing('repository', ITEM_EDIT),
  'GET /folders/:id': visible('folder', ITEM_READ),
  'GET /folders/:id/folders': visible('folder', ITEM_READ),
  'POST /folders/:id/folders': editing('folder', ITEM_EDIT),
  'PATCH /folders/:id': editing('folder', ITEM_EDIT),
  'DELETE /folders/:id': editing('folder', ITEM_EDIT),

  // Content types and schemas belong to the hub and have no ACL of their own (dc-cli's permission table).
  'GET /hubs/:hubId/content-type-schemas': visible('hub', [F.CONTENT_TYPE_READ], HUB),
  'POST /hubs/:hubId/content-type-schemas': visible('hub', [F.CONTENT_TYPE_CREATE], HUB),
  'GET /content-type-schemas/:id': visible('schema', [F.CONTENT_TYPE_READ]),
  'GET /content-type-schemas/:id/:version': visible('schema', [F.CONTENT_TYPE_READ]),
  'GET /content-type-schemas/:id/history': visible('schema', [F.CONTENT_TYPE_READ]),
  'PATCH /content-type-schemas/:id': visible('schema', [F.CONTENT_TYPE_EDIT]),
  'POST /content-type-schemas/:id/archive': visible('schema', [F.CONTENT_TYPE_EDIT]),
  'POST /content-type-schemas/:id/unarchive': visible('schema', [F.CONTENT_TYPE_EDIT]),
  'GET /hubs/:hubId/content-types': visible('hub', [F.CONTENT_TYPE_READ], HUB),
  'POST /hubs/:hubId/content-types': visible('hub', [F.CONTENT_TYPE_CREATE], HUB),
  'GET /content-types/:id': visible('content-type', [F.CONTENT_TYPE_READ]),
  'GET /content-types/:id/schema': visible('content-type', [F.CONTENT_TYPE_READ]),
  'PATCH /content-types/:id': visible('content-type', [F.CONTENT_TYPE_EDIT]),
  'PATCH /content-types/:id/schema': visible('content-type', [F.CONTENT_TYPE_EDIT]),
  'POST /content-types/:id/archive': visible('content-type', [F.CONTENT_TYPE_EDIT]),
  'POST /content-types/:id/unarchive': visible('content-type', [F.CONTENT_TYPE_EDIT]),

  'GET /hubs/:hubId/workflow-states': visible('hub', [], HUB),
  'POST /hubs/:hubId/workflow-states': editing('hub', [F.HUB_EDIT], HUB),
  'GET /workflow-states/:id': visible('workflow-state'),
  'PATCH /workflow-states/:id': editing('workflow-state', [F.HUB_EDIT]),

  'GET /content-repositories/:repositoryId/content-items': visible('repository', ITEM_READ, 'repositoryId'),
  'POST /content-repositories/:repositoryId/content-items': editing('repository', [F.CONTENT_ITEM_CREATE], 'repositoryId'),
  'GET /content-items/:id': visible('item', ITEM_READ),
  'GET /content-items/:id/versions': visible('item', ITEM_READ),
  'GET /content-items/:id/versions/:version': visible('item', ITEM_READ),
  'GET /content-items/:id/history': visible('item', ITEM_READ),
  'GET /content-items/:id/versions/:version/history': visible('item', ITEM_READ),
  'GET /content-items/:id/planned': visible('item', ITEM_READ),
  'GET /content-items/:id/localizations': visible('item', ITEM_READ),
  'PATCH /content-items/:id': editing('item', ITEM_EDIT),
  'PATCH /content-items': { kind: 'item', id: { bodyItems: true }, need: { acl: 'EDIT', functional: ITEM_EDIT } },
  'POST /content-items/:id/archive': editing('item', ITEM_EDIT),
  'POST /content-items/:id/unarchive': editing('item', ITEM_EDIT),
  'POST /content-items/:id/restore': editing('item', ITEM_EDIT),
  'PUT /content-items/:id/delivery-key': editing('item', ITEM_EDIT),
  'PATCH /content-items/:id/workflow': editing('item', ITEM_EDIT),
  'POST /content-items/:id/locale': editing('item', ITEM_EDIT),
  'POST /content-items/:id/localize': editing('item', ITEM_EDIT),
  'POST /content-items/:id/publish': editing('item', [F.CONTENT_ITEM_PUBLISH]),
  'POST /content-items/:id/unpublish': editing('item', [F.CONTENT_ITEM_PUBLISH]),
  'GET /publishing-jobs/:id': visible('publishing-job', ITEM_READ),
  'PATCH /publishing-jobs/:id': editing('publishing-job', [F.CONTENT_ITEM_PUBLISH]),
  'GET /hubs/:hubId/content-items/delivery-key': visible('hub', ITEM_READ, HUB),
  'GET /hubs/:hubId/content-items/find': visible('hub', ITEM_READ, HUB),
  'POST /hubs/:hubId/content-items/facet': visible('hub', ITEM_READ, HUB),
  'POST /hubs/:hubId/content-items/filter': visible('hub', ITEM_READ, HUB),
  'GET /content-items/search/findByIdWithChildren': { kind: 'item', id: { query: 'id' }, need: { functional: ITEM_READ } },
  'GET /content-items/search/findByIdWithParents': { kind: 'item', id: { query: 'id' }, need: { functional: ITEM_READ } },
  'GET /hierarchy-node/:id/children': visible('item', ITEM_READ),
  'GET /hierarchy-node/:id/parents': visible('item', ITEM_READ),
  'GET /localization-jobs/:id': visible('localization-job', ITEM_READ),
  'GET /localization-jobs/search/findByRootContentItem': { kind: 'item', id: { query: 'id' }, need: { functional: ITEM_READ } },
};

const ruleKey = (method: string, url: string) => `${method === 'HEAD' ? 'GET' : method} ${url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url}`;

/** The ids a rule checks, read from the request as it arrived (before validation). */
function idsOf(source: IdSource, request: FastifyRequest): string[] {
  if ('params' in source) return [String((request.params as Record<string, unknown>)[source.params] ?? '')];
  if ('query' in source) {
    const value = (request.query as Record<string, unknown>)[source.query];
    return typeof value === 'string' ? [value] : [];
  }
  // A bulk update: every item of the body that names an id (the rest is the validator's to refuse).
  const body = request.body;
  if (!Array.isArray(body)) return [];
  return body.flatMap((entry) => (entry && typeof entry === 'object' && typeof entry.id === 'string' ? [entry.id] : []));
}

/**
 * Registers the checks on the API scope: the caller's permissions are read after authentication, and each
 * operation's rule is applied before validation, so a caller who may not act learns nothing from a 400.
 */
export function enforcePermissions(api: FastifyInstance, deps: Deps, administrationRoutes: ReadonlySet<string>): void {
  api.decorateRequest('access', null as never);
  api.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const key = ruleKey(method, route.url);
      if (!RULES[key] && !administrationRoutes.has(key)) throw new Error(`no permission rule for ${key} (src/http/access.ts)`);
    }
  });
  api.addHook('preValidation', async (request) => {
    const rule = RULES[ruleKey(request.method, request.routeOptions.url ?? '')];
    if (!rule || !('kind' in rule)) return;
    for (const id of idsOf(rule.id, request)) {
      const located = await locate(deps, rule.kind, id);
      // A resource that does not exist: the operation answers its own 404 (or 400 for a bad reference).
      if (located) authorize(request.access, located.scope, rule.need, located.target);
    }
  });
  api.addHook('preSerialization', async (request, _reply, payload) => {
    if (request.access) offerAllowedLinks(payload, request.access);
    return payload;
  });
}

// ---- Relations offered only to callers who may follow them ----

/** Marks a rendered resource with where it sits, so its relations can be offered by permission. */
export const SCOPED = Symbol('scoped');
export type LinkedKind = 'hub' | 'repository' | 'folder' | 'content-type' | 'schema' | 'workflow-state' | 'item' | 'publishing-job';

interface Scoped {
  [SCOPED]?: { kind: LinkedKind; scope: Scope };
  _links?: Links;
  _embedded?: Record<string, unknown>;
}

/** Tags `resource` (an enumerable symbol: spread copies it, JSON leaves it out). */
export function scoped<T extends object>(resource: T, kind: LinkedKind, scope: Scope): T {
  (resource as Scoped)[SCOPED] = { kind, scope };
  return resource;
}

const MANAGE_ACCESS_HUB: Need = { acl: 'MANAGE_ACCESS', anyFunctional: [F.ADMIN_MANAGE_ACCESS, F.HUB_MANAGE_ACCESS] };
const MANAGE_ACCESS_REPOSITORY: Need = { acl: 'MANAGE_ACCESS', anyFunctional: [F.ADMIN_MANAGE_ACCESS, F.REPOSITORY_MANAGE_ACCESS] };

/** What following each relation needs; relations not listed need only that the resource is visible. */
export const LINK_NEEDS: Record<LinkedKind, Record<string, Need>> = {
  hub: {
    update: { acl: 'EDIT', functional: [F.HUB_EDIT] },
    'update-settings': { acl: 'EDIT', functional: [F.HUB_EDIT] },
    'content-repositories': { functional: [F.REPOSITORY_READ] },
    'create-content-repository': { acl: 'EDIT', functional: [F.REPOSITORY_CREATE] },
    'content-types': { functional: [F.CONTENT_TYPE_READ] },
    'register-content-type': { functional: [F.CONTENT_TYPE_CREATE] },
    'list-content-type-schemas': { functional: [F.CONTENT_TYPE_READ] },
    'create-content-type-schema': { functional: [F.CONTENT_TYPE_CREATE] },
    'create-workflow-state': { acl: 'EDIT', functional: [F.HUB_EDIT] },
    'search-content-items': { functional: ITEM_READ },
    'facet-content-items': { functional: ITEM_READ },
    'filter-content-items': { functional: ITEM_READ },
    share: MANAGE_ACCESS_HUB,
    modules: { acl: 'MANAGE_ACCESS', functional: [F.HUB_MANAGE_MODULES] },
  },
  repository: {
    update: { acl: 'EDIT', functional: [F.REPOSITORY_EDIT] },
    'assign-content-type': { acl: 'EDIT', functional: [F.REPOSITORY_EDIT] },
    'unassign-content-type': { acl: 'EDIT', functional: [F.REPOSITORY_EDIT] },
    folders: { functional: ITEM_READ },
    'create-folder': { acl: 'EDIT', functional: ITEM_EDIT },
    'content-items': { functional: ITEM_READ },
    'create-content-item': { acl: 'EDIT', functional: [F.CONTENT_ITEM_CREATE] },
    'update-content-items': { acl: 'EDIT', functional: ITEM_EDIT },
    'search-content-items': { functional: ITEM_READ },
    share: MANAGE_ACCESS_REPOSITORY,
  },
  folder: {
    'create-folder': { acl: 'EDIT', functional: ITEM_EDIT },
    'delete-folder': { acl: 'EDIT', functional: ITEM_EDIT },
    'update-folder': { acl: 'EDIT', functional: ITEM_EDIT },
  },
  'content-type': {
    update: { functional: [F.CONTENT_TYPE_EDIT] },
    archive: { functional: [F.CONTENT_TYPE_EDIT] },
    unarchive: { functional: [F.CONTENT_TYPE_EDIT] },
  },
  schema: {
    update: { functional: [F.CONTENT_TYPE_EDIT] },
    archive: { functional: [F.CONTENT_TYPE_EDIT] },
    unarchive: { functional: [F.CONTENT_TYPE_EDIT] },
  },
  'workflow-state': {
    update: { acl: 'EDIT', functional: [F.HUB_EDIT] },
  },
  item: {
    update: { acl: 'EDIT', functional: ITEM_EDIT },
    archive: { acl: 'EDIT', functional: ITEM_EDIT },
    unarchive: { acl: 'EDIT', functional: ITEM_EDIT },
    'restore-version': { acl: 'EDIT', functional: ITEM_EDIT },
    copy: { acl: 'EDIT', functional: [F.CONTENT_ITEM_CREATE] },
    'delivery-key': { acl: 'EDIT', functional: ITEM_EDIT },
    publish: { acl: 'EDIT', functional: [F.CONTENT_ITEM_PUBLISH] },
    unpublish: { acl: 'EDIT', functional: [F.CONTENT_ITEM_PUBLISH] },
    'set-locale': { acl: 'EDIT', functional: ITEM_EDIT },
    'edit-workflow': { acl: 'EDIT', functional: ITEM_EDIT },
    'create-localizations': { acl: 'EDIT', functional: ITEM_EDIT },
  },
  'publishing-job': {
    cancel: { acl: 'EDIT', functional: [F.CONTENT_ITEM_PUBLISH] },
  },
};

/**
 * The relations of a `kind` of resource at `scope` that the member may not follow, worked out once per
 * member's grants (an Access lasts while they are unchanged) and place: checking each of a hub's two dozen
 * relations on every request was a tenth of a hub read (bench/hub-get).
 */
const refusedRelations = new WeakMap<Access, Map<string, readonly string[]>>();

function refused(access: Access, kind: LinkedKind, scope: Scope): readonly string[] {
  let known = refusedRelations.get(access);
  if (!known) refusedRelations.set(access, (known = new Map()));
  const key = `${kind}\u0000${scope.top.id}\u0000${scope.repository?.id ?? ''}`;
  let result = known.get(key);
  if (!result) {
    result = Object.entries(LINK_NEEDS[kind]).flatMap(([rel, need]) => (access.allows(scope, need) ? [] : [rel]));
    known.set(key, result);
  }
  return result;
}

/** Leaves out, on the payload and everything embedded in it, the relations the caller may not follow. */
function offerAllowedLinks(payload: unknown, access: Access): void {
  if (!payload || typeof payload !== 'object') return;
  if (Array.isArray(payload)) {
    for (const entry of payload) offerAllowedLinks(entry, access);
    return;
  }
  const resource = payload as Scoped;
  const tag = resource[SCOPED];
  if (tag && resource._links) {
    const links = resource._links;
    for (const rel of refused(access, tag.kind, tag.scope)) if (rel in links) delete links[rel];
  }
  if (resource._embedded && typeof resource._embedded === 'object') {
    for (const value of Object.values(resource._embedded)) offerAllowedLinks(value, access);
  }
}
