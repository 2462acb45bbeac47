import { conflict, invalid, notFound } from '../errors.js';
import { patchable, requireText } from '../fields.js';
import type { ContentType, ContentTypeSettings, Page, PageRequest, Status } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { parseSchemaBody } from '../schemas/json-schema.js';
import { inTransaction } from '../transaction.js';

export const CONTENT_TYPE_SORT_FIELDS = ['contentTypeUri', 'createdDate', 'lastModifiedDate'] as const;
const ENTITY = 'ContentType';

export async function getContentType({ store }: Deps, id: string): Promise<ContentType> {
  const type = await store.contentTypes.get(id);
  if (!type) throw notFound(ENTITY, id);
  return type;
}

export async function listContentTypes(deps: Deps, hubId: string, page: PageRequest, status?: Status): Promise<Page<ContentType>> {
  await getHub(deps, hubId);
  return deps.store.contentTypes.list({ hubId, status }, page);
}

/** The hub's schema for `uri`, parsed: what a content type caches when registered or synced. */
async function schemaFor(deps: Deps, hubId: string, uri: string): Promise<Record<string, unknown>> {
  const schema = await deps.store.schemas.getBySchemaId(hubId, uri);
  if (!schema) {
    throw invalid({
      entity: ENTITY,
      property: 'contentTypeUri',
      invalidValue: uri,
      message: 'no content type schema with this schemaId in the hub; create the schema first',
    });
  }
  return parseSchemaBody(schema.body);
}

function requireSettings(value: unknown, uri: string): ContentTypeSettings {
  if (value === undefined || value === null) return { label: uri };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalid({ entity: ENTITY, property: 'settings', invalidValue: value, message: 'settings must be an object' });
  }
  const settings = value as ContentTypeSettings;
  if (settings.label !== undefined) requireText(ENTITY, 'settings.label', settings.label);
  return settings;
}

/** `register-content-type`: binds a schema of the hub (by its schemaId) to display settings. */
export async function registerContentType(
  deps: Deps,
  actor: Actor,
  hubId: string,
  body: { contentTypeUri?: unknown; settings?: unknown },
): Promise<ContentType> {
  await getHub(deps, hubId);
  const uri = requireText(ENTITY, 'contentTypeUri', body.contentTypeUri, 2048);
  const now = deps.clock.now();
  const type: ContentType = {
    id: deps.ids.objectId(),
    hubId,
    contentTypeUri: uri,
    status: 'ACTIVE',
    settings: requireSettings(body.settings, uri),
    cachedSchema: await schemaFor(deps, hubId, uri),
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  try {
    await deps.store.contentTypes.insert(type);
  } catch (error) {
    if (error instanceof DuplicateKeyError) {
      throw conflict({ entity: ENTITY, property: 'contentTypeUri', invalidValue: uri, message: 'a content type with this contentTypeUri is already registered in the hub' });
    }
    throw error;
  }
  return type;
}

/** PATCH: `settings` is replaced whole; the URI cannot change. Archived types cannot be updated. */
export function updateContentType(deps: Deps, actor: Actor, id: string, body: Record<string, unknown>): Promise<ContentType> {
  return inTransaction(deps, async (tx) => {
    const type = await getContentType(tx, id);
    if (type.status === 'ARCHIVED') {
      throw conflict({ entity: ENTITY, property: 'status', invalidValue: type.status, message: 'an archived content type cannot be updated; unarchive it first' });
    }
    const patch = patchable(body, ['contentTypeUri', 'settings']);
    if (patch.contentTypeUri !== undefined && patch.contentTypeUri !== type.contentTypeUri) {
      throw invalid({ entity: ENTITY, property: 'contentTypeUri', invalidValue: patch.contentTypeUri, message: 'contentTypeUri cannot be changed' });
    }
    if (patch.settings === undefined) return type;
    const settings = requireSettings(patch.settings, type.contentTypeUri);
    if (JSON.stringify(settings) === JSON.stringify(type.settings)) return type;
    const next = { ...type, settings, lastModifiedBy: actor.sid, lastModifiedDate: tx.clock.now() };
    await tx.store.contentTypes.update(next);
    return next;
  });
}

export function setContentTypeStatus(deps: Deps, actor: Actor, id: string, status: Status): Promise<ContentType> {
  return inTransaction(deps, async (tx) => {
    const type = await getContentType(tx, id);
    if (type.status === status) return type;
    const next = { ...type, status, lastModifiedBy: actor.sid, lastModifiedDate: tx.clock.now() };
    await tx.store.contentTypes.update(next);
    return next;
  });
}

/** PATCH …/schema (the SDK's and dc-cli's "sync"): re-reads the schema from the hub into the cache. */
export function syncCachedSchema(deps: Deps, actor: Actor, id: string): Promise<ContentType> {
  return inTransaction(deps, async (tx) => {
    const type = await getContentType(tx, id);
    const cachedSchema = await schemaFor(tx, type.hubId, type.contentTypeUri);
    if (JSON.stringify(cachedSchema) === JSON.stringify(type.cachedSchema)) return type;
    const next = { ...type, cachedSchema, lastModifiedBy: actor.sid, lastModifiedDate: tx.clock.now() };
    await tx.store.contentTypes.update(next);
    return next;
  });
}
