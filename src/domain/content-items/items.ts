/**
 * Content items (003 "Content Items"): create, copy, read, list, update one or many. Every change makes
 * a new version, written only if the item is still at the version the caller based the change on, so a
 * stale change — from this instance or another — is refused and changes nothing.
 */
import { conflict, DomainError, invalid, notFound, staleVersion } from '../errors.js';
import { LOCALE, patchable, requireText } from '../fields.js';
import type { ContentItem, ContentItemAction, ContentRepository, Page, PageRequest, Status } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { getRepository } from '../repositories/queries.js';
import { inTransaction } from '../transaction.js';
import { deliveryKeyProblem } from './delivery-keys.js';
import { checkBody } from './validation.js';
import { linksIn } from './links.js';
import { requireDeliveryKeysEnabled } from '../access/modules.js';

export const CONTENT_ITEM_SORT_FIELDS = ['label', 'createdDate', 'lastModifiedDate', 'version', 'status'] as const;
export const ENTITY = 'ContentItem';

export async function getContentItem({ store }: Deps, id: string): Promise<ContentItem> {
  const item = await store.contentItems.get(id);
  if (!item) throw notFound(ENTITY, id);
  return item;
}

export async function getContentItemVersion(deps: Deps, id: string, version: number): Promise<ContentItem> {
  await getContentItem(deps, id);
  const found = await deps.store.contentItems.getVersion(id, version);
  if (!found) {
    throw new DomainError('NotFound', [{ entity: ENTITY, property: 'version', invalidValue: version, message: `${ENTITY} ${id} has no version ${version}` }]);
  }
  return found;
}

export async function listContentItems(
  deps: Deps,
  repositoryId: string,
  page: PageRequest,
  filter: { folderId?: string; status?: Status; excludeHierarchicalChildren?: boolean } = {},
): Promise<Page<ContentItem>> {
  await getRepository(deps, repositoryId);
  return deps.store.contentItems.list({ repositoryId, ...filter }, page);
}

/** The version a change is based on: required, and it must be the item's current one (409 otherwise). */
export function requireCurrentVersion(item: ContentItem, given: unknown): void {
  if (given === undefined || given === null) {
    throw invalid({ entity: ENTITY, property: 'version', message: 'version is required: send the version the change is based on' });
  }
  if (given !== item.version) throw staleVersion(ENTITY, given, item.version);
}

export function deliveryKeyTaken(key: string, holder: ContentItem | undefined): DomainError {
  return conflict({
    entity: ENTITY,
    property: 'deliveryKey',
    invalidValue: key,
    message: holder
      ? `delivery key ${key} is already assigned to content item ${holder.id} (${holder.label})`
      : `delivery key ${key} is already assigned to another content item of the hub`,
  });
}

export function requireDeliveryKey(value: unknown, property = 'deliveryKey'): string {
  const problem = deliveryKeyProblem(value);
  if (problem) throw invalid({ entity: ENTITY, property, invalidValue: value ?? null, message: problem });
  return value as string;
}

/** A write found the delivery key taken; the holder is looked up once the failed transaction is gone. */
class DeliveryKeyClash extends Error {
  constructor(
    readonly hubId: string,
    readonly key: string,
  ) {
    super(`delivery key ${key} is taken`);
  }
}

/**
 * Runs a change to content items in one transaction. A delivery key clash becomes a 409 naming the
 * item that holds the key (looked up after the rollback: PostgreSQL refuses queries in a failed transaction).
 */
export async function changeItems<T>(deps: Deps, work: (tx: Deps) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(deps, work);
  } catch (error) {
    if (!(error instanceof DeliveryKeyClash)) throw error;
    throw deliveryKeyTaken(error.key, await deps.store.contentItems.findByDeliveryKey(error.hubId, error.key));
  }
}

/** Writes `next` in place of `current`, conditionally on the version: a lost race is the same 409 as a stale request. */
export async function saveChange(deps: Deps, current: ContentItem, next: ContentItem, action: ContentItemAction): Promise<ContentItem> {
  let saved: boolean;
  try {
    saved = await deps.store.contentItems.update(next, current.version, action, linksIn(next.id, next.body));
  } catch (error) {
    if (error instanceof DuplicateKeyError && next.deliveryKey) throw new DeliveryKeyClash(next.hubId, next.deliveryKey);
    throw error;
  }
  if (!saved) throw staleVersion(ENTITY, current.version, (await deps.store.contentItems.get(current.id))?.version ?? current.version);
  return next;
}

/** The item one version on, changed by `actor` now. */
export function nextVersion(deps: Deps, actor: Actor, item: ContentItem, changes: Partial<ContentItem>): ContentItem {
  return { ...item, ...changes, version: item.version + 1, lastModifiedBy: actor.sid, lastModifiedDate: deps.clock.now() };
}

/**
 * 003: "deliveryKey can only be set when Content Delivery 2 is enabled". Setting a new key needs the module;
 * keeping the key an item has (bodies are echoed back whole) or removing it does not.
 */
export async function requireKeyAllowed(deps: Deps, hubId: string, current: string | null, next: string | null, property: string): Promise<void> {
  if (next !== null && next !== current) await requireDeliveryKeysEnabled(deps, hubId, property);
}

/** `body` as stored: `_meta.deliveryKey` mirrors the item's key (absent when it has none). */
function withDeliveryKey(body: Record<string, unknown>, deliveryKey: string | null): Record<string, unknown> {
  const { deliveryKey: _previous, ...meta } = body._meta as Record<string, unknown>;
  return { ...body, _meta: deliveryKey === null ? meta : { ...meta, deliveryKey } };
}

/**
 * The delivery key a body asks for: a string sets it, null removes it, absence keeps `current` (the
 * SDK echoes bodies back whole, and dc-cli sends `null` to remove a key).
 */
function deliveryKeyFromBody(body: Record<string, unknown>, current: string | null): string | null {
  const meta = body._meta as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(meta, 'deliveryKey') || meta.deliveryKey === undefined) return current;
  if (meta.deliveryKey === null || meta.deliveryKey === '') return null;
  return requireDeliveryKey(meta.deliveryKey, 'body._meta.deliveryKey');
}

async function requireFolder(deps: Deps, repository: ContentRepository, folderId: unknown): Promise<string | null> {
  if (folderId === undefined || folderId === null || folderId === '') return null;
  const folder = typeof folderId === 'string' ? await deps.store.folders.get(folderId) : undefined;
  if (!folder || folder.repositoryId !== repository.id) {
    throw invalid({ entity: ENTITY, property: 'folderId', invalidValue: folderId, message: `folderId must name a folder of repository ${repository.name}` });
  }
  return folder.id;
}

export function requireLocale(repository: ContentRepository, value: unknown): string {
  if (typeof value !== 'string' || !LOCALE.test(value)) {
    throw invalid({ entity: ENTITY, property: 'locale', invalidValue: value ?? null, message: 'locale must be a language tag like en-GB' });
  }
  if (repository.itemLocales.length > 0 && !repository.itemLocales.includes(value)) {
    throw invalid({
      entity: ENTITY,
      property: 'locale',
      invalidValue: value,
      message: `locale ${value} is not one of repository ${repository.name}'s item locales (${repository.itemLocales.join(', ')})`,
    });
  }
  return value;
}

function requireAssignees(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((assignee) => typeof assignee !== 'string' || assignee === '')) {
    throw invalid({ entity: ENTITY, property: 'assignees', invalidValue: value, message: 'assignees must be an array of user ids' });
  }
  return [...new Set(value as string[])];
}

export interface CreateItemInput {
  label?: unknown;
  body?: unknown;
  folderId?: unknown;
  locale?: unknown;
  assignees?: unknown;
}

/** POST /content-repositories/{id}/content-items. `action` is COPY when the body came from another item. */
export async function createContentItem(
  deps: Deps,
  actor: Actor,
  repositoryId: string,
  input: CreateItemInput,
  options: { ignoreSchemaValidation: boolean; action?: ContentItemAction },
): Promise<ContentItem> {
  const repository = await getRepository(deps, repositoryId);
  const label = requireText(ENTITY, 'label', input.label);
  const schema = await checkBody(deps, repository, input.body, options);
  const body = input.body as Record<string, unknown>;
  const deliveryKey = deliveryKeyFromBody(body, null);
  await requireKeyAllowed(deps, repository.hubId, null, deliveryKey, 'body._meta.deliveryKey');
  const assignees = requireAssignees(input.assignees);
  const now = deps.clock.now();
  const item: ContentItem = {
    id: deps.ids.uuid(),
    hubId: repository.hubId,
    contentRepositoryId: repository.id,
    folderId: await requireFolder(deps, repository, input.folderId),
    label,
    locale: input.locale === undefined || input.locale === null ? null : requireLocale(repository, input.locale),
    body: withDeliveryKey(body, deliveryKey),
    schema,
    deliveryKey,
    version: 1,
    status: 'ACTIVE',
    assignees,
    assignedDate: assignees.length > 0 ? now : null,
    workflowState: null,
    lastPublishedVersion: null,
    lastPublishedDate: null,
    lastUnpublishedDate: null,
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  await changeItems(deps, async (tx) => {
    try {
      await tx.store.contentItems.insert(item, options.action ?? 'CREATE', linksIn(item.id, item.body));
    } catch (error) {
      if (error instanceof DuplicateKeyError && deliveryKey) throw new DeliveryKeyClash(item.hubId, deliveryKey);
      throw error;
    }
  });
  return item;
}

/**
 * POST …/content-items?sourceContentItemId=: a new item with the source's body (its delivery key left
 * behind, 003) and the label, folder and locale the request gives, else the source's.
 */
export async function copyContentItem(
  deps: Deps,
  actor: Actor,
  repositoryId: string,
  sourceId: string,
  input: CreateItemInput,
  options: { ignoreSchemaValidation: boolean },
): Promise<ContentItem> {
  const source = await getContentItem(deps, sourceId);
  const sourceMeta = source.body._meta as Record<string, unknown>;
  const { deliveryKey: _key, ...meta } = sourceMeta;
  const requested = input.body as Record<string, unknown> | undefined;
  const body =
    requested && typeof requested === 'object' && !Array.isArray(requested) && Object.keys(requested).length > 0
      ? requested
      : { ...source.body, _meta: meta };
  return createContentItem(
    deps,
    actor,
    repositoryId,
    {
      label: input.label ?? source.label,
      body,
      folderId: input.folderId ?? (repositoryId === source.contentRepositoryId ? source.folderId : undefined),
      locale: input.locale ?? source.locale ?? undefined,
      assignees: input.assignees,
    },
    { ...options, action: 'COPY' },
  );
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The item with the PATCH applied (label, body, folderId, locale, assignees; 003 "Update Content Item"),
 * or the item itself when nothing changes — which makes no new version.
 */
async function applyUpdate(
  deps: Deps,
  actor: Actor,
  item: ContentItem,
  request: Record<string, unknown>,
  options: { ignoreSchemaValidation: boolean },
): Promise<ContentItem> {
  requireCurrentVersion(item, request.version);
  if (item.status === 'ARCHIVED') {
    throw conflict({ entity: ENTITY, property: 'status', invalidValue: item.status, message: 'an archived content item cannot be updated; unarchive it first' });
  }
  const patch = patchable(request, ['label', 'body', 'folderId', 'locale', 'assignees']);
  const repository = await getRepository(deps, item.contentRepositoryId);
  const changes: Partial<ContentItem> = {};
  if (patch.label !== undefined) changes.label = requireText(ENTITY, 'label', patch.label);
  if (patch.body !== undefined) {
    changes.schema = await checkBody(deps, repository, patch.body, options);
    const body = patch.body as Record<string, unknown>;
    changes.deliveryKey = deliveryKeyFromBody(body, item.deliveryKey);
    await requireKeyAllowed(deps, item.hubId, item.deliveryKey, changes.deliveryKey, 'body._meta.deliveryKey');
    changes.body = withDeliveryKey(body, changes.deliveryKey);
  }
  if (Object.prototype.hasOwnProperty.call(request, 'folderId')) changes.folderId = await requireFolder(deps, repository, request.folderId);
  if (patch.locale !== undefined) changes.locale = requireLocale(repository, patch.locale);
  if (patch.assignees !== undefined) {
    changes.assignees = requireAssignees(patch.assignees);
    if (!sameJson(changes.assignees, item.assignees)) changes.assignedDate = changes.assignees.length > 0 ? deps.clock.now() : null;
  }
  const changed = (Object.keys(changes) as (keyof ContentItem)[]).some((field) => !sameJson(changes[field], item[field]));
  return changed ? nextVersion(deps, actor, item, changes) : item;
}

/** PATCH /content-items/{id}. */
export function updateContentItem(
  deps: Deps,
  actor: Actor,
  id: string,
  request: Record<string, unknown>,
  options: { ignoreSchemaValidation: boolean },
): Promise<ContentItem> {
  return changeItems(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    const next = await applyUpdate(tx, actor, item, request, options);
    return next === item ? item : saveChange(tx, item, next, 'UPDATE');
  });
}

export const MAX_BATCH = 100;

export type BatchResult = { id: unknown; item: ContentItem } | { id: unknown; error: DomainError };

/**
 * PATCH /content-items with 1–100 updates (003 "Update Multiple Content Items"). Each is applied on its
 * own — one failing leaves the others — and reported in `results` in request order.
 */
export async function updateContentItems(deps: Deps, actor: Actor, requests: unknown, options: { ignoreSchemaValidation: boolean }): Promise<BatchResult[]> {
  if (!Array.isArray(requests) || requests.length < 1 || requests.length > MAX_BATCH) {
    throw invalid({ entity: ENTITY, message: `send an array of 1 to ${MAX_BATCH} content item updates` });
  }
  const results: BatchResult[] = [];
  for (const request of requests) {
    const id = (request as { id?: unknown } | null)?.id;
    try {
      if (typeof id !== 'string' || id === '') throw invalid({ entity: ENTITY, property: 'id', invalidValue: id ?? null, message: 'each update must name the item by id' });
      results.push({ id, item: await updateContentItem(deps, actor, id, request as Record<string, unknown>, options) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, error });
    }
  }
  return results;
}
