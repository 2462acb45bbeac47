import { conflict, DomainError, invalid, notFound, staleVersion } from '../errors.js';
import { patchable, requireText } from '../fields.js';
import { VALIDATION_LEVELS, type ContentTypeSchema, type Page, type PageRequest, type Status, type ValidationLevel } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { inTransaction } from '../transaction.js';
import { compileSchema, declaredId, parseSchemaBody, SchemaProblem } from './json-schema.js';

export const SCHEMA_SORT_FIELDS = ['schemaId', 'createdDate', 'lastModifiedDate', 'version'] as const;
const ENTITY = 'ContentTypeSchema';

export async function getSchema({ store }: Deps, id: string): Promise<ContentTypeSchema> {
  const schema = await store.schemas.get(id);
  if (!schema) throw notFound(ENTITY, id);
  return schema;
}

export async function getSchemaVersion(deps: Deps, id: string, version: number): Promise<ContentTypeSchema> {
  await getSchema(deps, id);
  const found = await deps.store.schemas.getVersion(id, version);
  if (!found) throw new DomainError('NotFound', [{ entity: ENTITY, property: 'version', invalidValue: version, message: `${ENTITY} ${id} has no version ${version}` }]);
  return found;
}

export async function listSchemas(deps: Deps, hubId: string, page: PageRequest, status?: Status): Promise<Page<ContentTypeSchema>> {
  await getHub(deps, hubId);
  return deps.store.schemas.list({ hubId, status }, page);
}

/** Every version of a schema, newest first (`history`). */
export async function listSchemaVersions(deps: Deps, id: string, page: PageRequest): Promise<Page<ContentTypeSchema>> {
  await getSchema(deps, id);
  return deps.store.schemas.listVersions(id, page);
}

function requireValidationLevel(value: unknown): ValidationLevel {
  if (!(VALIDATION_LEVELS as readonly unknown[]).includes(value)) {
    throw invalid({ entity: ENTITY, property: 'validationLevel', invalidValue: value ?? null, message: `validationLevel must be one of ${VALIDATION_LEVELS.join(', ')}` });
  }
  return value as ValidationLevel;
}

/** Checks a schema body: JSON, a valid schema of its draft, compiling against the hub's other schemas, and naming `schemaId` when it names itself. */
async function checkBody(deps: Deps, hubId: string, schemaId: string, body: unknown): Promise<string> {
  if (typeof body !== 'string' || body.trim() === '') {
    throw invalid({ entity: ENTITY, property: 'body', invalidValue: body ?? null, message: 'body must be the JSON Schema as a string' });
  }
  try {
    const parsed = parseSchemaBody(body);
    const id = declaredId(parsed);
    if (id !== undefined && id !== schemaId) {
      throw new SchemaProblem(`the schema's own id (${id}) must equal schemaId (${schemaId})`);
    }
    await compileSchema(parsed, async (ref) => {
      if (ref === schemaId) return parsed;
      const other = await deps.store.schemas.getBySchemaId(hubId, ref);
      return other && parseSchemaBody(other.body);
    });
  } catch (error) {
    if (error instanceof SchemaProblem) throw invalid({ entity: ENTITY, property: 'body', message: error.message });
    throw error;
  }
  return body;
}

export async function createSchema(
  deps: Deps,
  actor: Actor,
  hubId: string,
  input: { schemaId?: unknown; body?: unknown; validationLevel?: unknown },
): Promise<ContentTypeSchema> {
  await getHub(deps, hubId);
  const schemaId = requireText(ENTITY, 'schemaId', input.schemaId, 2048);
  const validationLevel = requireValidationLevel(input.validationLevel ?? 'CONTENT_TYPE');
  const body = await checkBody(deps, hubId, schemaId, input.body);
  const now = deps.clock.now();
  const schema: ContentTypeSchema = {
    id: deps.ids.objectId(),
    hubId,
    schemaId,
    body,
    validationLevel,
    status: 'ACTIVE',
    version: 1,
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  try {
    // The schema and its first version row are written together.
    await inTransaction(deps, (tx) => tx.store.schemas.insert(schema));
  } catch (error) {
    if (error instanceof DuplicateKeyError) {
      throw conflict({ entity: ENTITY, property: 'schemaId', invalidValue: schemaId, message: 'schemaId must be unique within the hub' });
    }
    throw error;
  }
  return schema;
}

function requireCurrentVersion(schema: ContentTypeSchema, given: unknown): void {
  // Updates and archive actions name the version they were based on (management-sdk.md §3.7).
  if (given === undefined) return;
  if (given !== schema.version) throw staleVersion(ENTITY, given, schema.version);
}

/** PATCH: a changed body or validation level makes a new version; an unchanged one returns the schema as it is. */
export function updateSchema(deps: Deps, actor: Actor, id: string, request: Record<string, unknown>): Promise<ContentTypeSchema> {
  return inTransaction(deps, async (tx) => {
    const schema = await getSchema(tx, id);
    requireCurrentVersion(schema, request.version);
    if (schema.status === 'ARCHIVED') {
      throw conflict({ entity: ENTITY, property: 'status', invalidValue: schema.status, message: 'an archived schema cannot be updated; unarchive it first' });
    }
    const patch = patchable(request, ['body', 'validationLevel']);
    const body = patch.body === undefined ? schema.body : patch.body;
    const validationLevel = patch.validationLevel === undefined ? schema.validationLevel : requireValidationLevel(patch.validationLevel);
    if (body === schema.body && validationLevel === schema.validationLevel) return schema;
    const next: ContentTypeSchema = {
      ...schema,
      body: body === schema.body ? schema.body : await checkBody(tx, schema.hubId, schema.schemaId, body),
      validationLevel,
      version: schema.version + 1,
      lastModifiedBy: actor.sid,
      lastModifiedDate: tx.clock.now(),
    };
    if (!(await tx.store.schemas.update(next, schema.version))) throw staleVersion(ENTITY, request.version ?? schema.version, schema.version);
    return next;
  });
}

/** archive / unarchive: a status change, not a new version of the body. Repeating it is harmless. */
export function setSchemaStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  status: Status,
  request: Record<string, unknown>,
): Promise<ContentTypeSchema> {
  return inTransaction(deps, async (tx) => {
    const schema = await getSchema(tx, id);
    requireCurrentVersion(schema, request.version);
    if (schema.status === status) return schema;
    const next = { ...schema, status, lastModifiedBy: actor.sid, lastModifiedDate: tx.clock.now() };
    if (!(await tx.store.schemas.update(next, schema.version))) throw staleVersion(ENTITY, request.version ?? schema.version, schema.version);
    return next;
  });
}
