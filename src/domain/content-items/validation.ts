/**
 * What a content item body must be on create and update: an object whose `_meta.schema` names a content
 * type of the hub that is assigned to the item's repository, and — unless the caller asks to ignore
 * schema validation, as the SDK's `ignoreSchemaValidation` does — valid against that type's schema (the
 * type's cached schema, as registered or last synced).
 */
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { DomainError, invalid, type ErrorDetail } from '../errors.js';
import type { ContentRepository, ContentType } from '../model.js';
import type { Deps } from '../ports.js';
import { compileSchema, parseSchemaBody, SchemaProblem } from '../schemas/json-schema.js';

const ENTITY = 'ContentItem';

/** The body's `_meta`, checked to be an object with a string `schema`. */
export function requireMeta(body: unknown): { meta: Record<string, unknown>; schema: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid({ entity: ENTITY, property: 'body', invalidValue: body ?? null, message: 'body must be an object' });
  }
  const meta = (body as Record<string, unknown>)._meta;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw invalid({ entity: ENTITY, property: 'body._meta', invalidValue: meta ?? null, message: 'body._meta must be an object naming the content type in schema' });
  }
  const schema = (meta as Record<string, unknown>).schema;
  if (typeof schema !== 'string' || schema === '') {
    throw invalid({ entity: ENTITY, property: 'body._meta.schema', invalidValue: schema ?? null, message: 'body._meta.schema must name a content type' });
  }
  return { meta: meta as Record<string, unknown>, schema };
}

/** Compiled validators by content type and schema text: compiling is far slower than validating. */
const compiled = new Map<string, ValidateFunction | 'unresolved'>();
const CACHE_SIZE = 500;

async function validatorFor(deps: Deps, type: ContentType): Promise<ValidateFunction | 'unresolved'> {
  const key = `${type.id}:${createHash('sha1').update(JSON.stringify(type.cachedSchema)).digest('base64url')}`;
  const known = compiled.get(key);
  if (known) return known;
  let validate: ValidateFunction | 'unresolved';
  try {
    validate =
      (await compileSchema(type.cachedSchema, async (ref) => {
        const other = await deps.store.schemas.getBySchemaId(type.hubId, ref);
        return other && parseSchemaBody(other.body);
      })) ?? 'unresolved';
  } catch (error) {
    if (error instanceof SchemaProblem) {
      throw invalid({ entity: ENTITY, property: 'body._meta.schema', invalidValue: type.contentTypeUri, message: `the content type's schema cannot be used: ${error.message}` });
    }
    throw error;
  }
  // Unresolved references may be created later, so only a schema that compiled is remembered.
  if (validate !== 'unresolved') {
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

/** ajv's errors as the vendor's error details, each naming the failing path of the body. */
function details(validate: ValidateFunction): ErrorDetail[] {
  return (validate.errors ?? []).map((error) => {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const path = ['body', ...error.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])].join('.');
    return { entity: ENTITY, property: path, message: `${path} ${error.message ?? 'is invalid'}` };
  });
}

/**
 * Checks `body` for an item of `repository`; returns the content type URI. A failure is a 400 whose
 * details name each failing path.
 */
export async function checkBody(
  deps: Deps,
  repository: ContentRepository,
  body: unknown,
  { ignoreSchemaValidation }: { ignoreSchemaValidation: boolean },
): Promise<string> {
  const { schema } = requireMeta(body);
  if (!repository.contentTypes.some((assigned) => assigned.contentTypeUri === schema)) {
    throw invalid({
      entity: ENTITY,
      property: 'body._meta.schema',
      invalidValue: schema,
      message: `content type ${schema} is not assigned to repository ${repository.name}`,
    });
  }
  if (ignoreSchemaValidation) return schema;
  const type = await deps.store.contentTypes.getByUri(repository.hubId, schema);
  if (!type || type.status !== 'ACTIVE') {
    throw invalid({ entity: ENTITY, property: 'body._meta.schema', invalidValue: schema, message: `content type ${schema} is not an active content type of the hub` });
  }
  const validate = await validatorFor(deps, type);
  if (validate === 'unresolved') {
    throw invalid({ entity: ENTITY, property: 'body._meta.schema', invalidValue: schema, message: `the schema of ${schema} refers to a schema that is not in the hub` });
  }
  if (!validate(body)) throw new DomainError('Invalid', details(validate));
  return schema;
}
