/**
 * Content item actions besides plain updates: archive and unarchive, restoring an old version, delivery
 * keys, workflow states, locales, and reading versions and history. Each action that changes the item
 * makes a new version.
 */
import { invalid, notFound } from '../errors.js';
import type { ContentItem, ContentItemHistoryEntry, Page, PageRequest } from '../model.js';
import type { Actor, Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { getRepository } from '../repositories/queries.js';
import {
  changeItems,
  ENTITY,
  getContentItem,
  getContentItemVersion,
  nextVersion,
  requireCurrentVersion,
  requireDeliveryKey,
  requireKeyAllowed,
  requireLocale,
  saveChange,
} from './items.js';

/** POST …/archive and …/unarchive with `{version}`; archiving an archived item changes nothing. */
export function setContentItemStatus(deps: Deps, actor: Actor, id: string, archived: boolean, request: Record<string, unknown>): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    requireCurrentVersion(item, request.version);
    const status = archived ? 'ARCHIVED' : 'ACTIVE';
    if (item.status === status) return item;
    return saveChange(tx, item, nextVersion(tx, actor, item, { status }), archived ? 'ARCHIVE' : 'UNARCHIVE');
  });
}

/**
 * POST …/restore `{version, restoreVersion}`: a new version whose content (body, label, folder, locale,
 * delivery key) equals `restoreVersion`'s.
 */
export function restoreContentItemVersion(deps: Deps, actor: Actor, id: string, request: Record<string, unknown>): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    requireCurrentVersion(item, request.version);
    if (typeof request.restoreVersion !== 'number' || !Number.isInteger(request.restoreVersion) || request.restoreVersion < 1) {
      throw invalid({ entity: ENTITY, property: 'restoreVersion', invalidValue: request.restoreVersion ?? null, message: 'restoreVersion must be a version number of the item' });
    }
    const old = await getContentItemVersion(tx, id, request.restoreVersion);
    await requireKeyAllowed(tx, item.hubId, item.deliveryKey, old.deliveryKey, 'restoreVersion');
    const restored = nextVersion(tx, actor, item, {
      body: old.body,
      schema: old.schema,
      label: old.label,
      locale: old.locale,
      deliveryKey: old.deliveryKey,
      folderId: old.folderId && (await tx.store.folders.get(old.folderId)) ? old.folderId : null,
    });
    return saveChange(tx, item, restored, 'RESTORE');
  });
}

/**
 * PUT …/delivery-key `{deliveryKey, version}` (003 "Assigning a Delivery Key"): replaces the item's key.
 * Unlike other actions, a version that is not the current one is a 400, as 003 says.
 */
export function assignDeliveryKey(deps: Deps, actor: Actor, id: string, request: Record<string, unknown>): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    const deliveryKey = requireDeliveryKey(request.deliveryKey);
    if (request.version !== item.version) {
      throw invalid({
        entity: ENTITY,
        property: 'version',
        invalidValue: request.version ?? null,
        message: `version must be the item's current version (${item.version})`,
      });
    }
    if (item.deliveryKey === deliveryKey) return item;
    await requireKeyAllowed(tx, item.hubId, item.deliveryKey, deliveryKey, 'deliveryKey');
    const meta = { ...(item.body._meta as Record<string, unknown>), deliveryKey };
    return saveChange(tx, item, nextVersion(tx, actor, item, { deliveryKey, body: { ...item.body, _meta: meta } }), 'DELIVERY_KEY');
  });
}

/** GET /hubs/{id}/content-items/delivery-key?key=: the hub's item holding `key`. */
export async function findContentItemByDeliveryKey(deps: Deps, hubId: string, key: unknown): Promise<ContentItem> {
  await getHub(deps, hubId);
  const deliveryKey = requireDeliveryKey(key, 'key');
  const item = await deps.store.contentItems.findByDeliveryKey(hubId, deliveryKey);
  if (!item) throw notFound(ENTITY, deliveryKey);
  return item;
}

export async function listContentItemVersions(deps: Deps, id: string, page: PageRequest): Promise<Page<ContentItem>> {
  await getContentItem(deps, id);
  return deps.store.contentItems.listVersions(id, page);
}

/** The item's history, or one version's when `version` is given. */
export async function listContentItemHistory(deps: Deps, id: string, page: PageRequest, version?: number): Promise<Page<ContentItemHistoryEntry>> {
  if (version === undefined) await getContentItem(deps, id);
  else await getContentItemVersion(deps, id, version);
  return deps.store.contentItems.listHistory(id, version, page);
}

/**
 * PATCH …/workflow `{version, state}` (`edit-workflow`): a workflow state of the item's hub, or null to
 * unassign.
 */
export function setWorkflowState(deps: Deps, actor: Actor, id: string, request: Record<string, unknown>): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    requireCurrentVersion(item, request.version);
    if (!Object.prototype.hasOwnProperty.call(request, 'state')) {
      throw invalid({ entity: ENTITY, property: 'state', message: 'state is required: a workflow state id, or null to unassign' });
    }
    let state: string | null = null;
    if (request.state !== null) {
      const found = typeof request.state === 'string' ? await tx.store.workflowStates.get(request.state) : undefined;
      if (!found || found.hubId !== item.hubId) {
        throw invalid({ entity: ENTITY, property: 'state', invalidValue: request.state, message: 'state must be a workflow state of the item\'s hub' });
      }
      state = found.id;
    }
    if (state === item.workflowState) return item;
    return saveChange(tx, item, nextVersion(tx, actor, item, { workflowState: state }), 'WORKFLOW');
  });
}

/** POST …/locale `{locale, version}` (`set-locale`): one of the repository's item locales when it lists any. */
export function setContentItemLocale(deps: Deps, actor: Actor, id: string, request: Record<string, unknown>): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    requireCurrentVersion(item, request.version);
    const locale = requireLocale(await getRepository(tx, item.contentRepositoryId), request.locale);
    if (locale === item.locale) return item;
    return saveChange(tx, item, nextVersion(tx, actor, item, { locale }), 'SET_LOCALE');
  });
}
