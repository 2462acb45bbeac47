/**
 * Compiling content type schemas: the `$schema` picks the draft (04, 06, 07, 2019-09, 2020-12; the vendor's
 * own meta-schema counts as draft-04), the document must be valid against that draft's meta-schema, and
 * `$ref`s to the vendor's core definitions or to other schemas of the hub must resolve.
 */
import { createRequire } from 'node:module';
import type { AnySchemaObject, Ajv as AjvCore, ValidateFunction } from 'ajv';
import { BIGCONTENT_META_SCHEMA_ID, CORE_SCHEMA_ID, coreSchema } from './core-schema.js';

const require = createRequire(import.meta.url);
type AjvClass = new (options: Record<string, unknown>) => AjvCore;
const load = (id: string): AjvClass => {
  const module = require(id);
  return (module.default ?? module) as AjvClass;
};
const Ajv07 = load('ajv');
const Ajv2019 = load('ajv/dist/2019');
const Ajv2020 = load('ajv/dist/2020');
const Ajv04 = load('ajv-draft-04');
const addFormats = (() => {
  const module = require('ajv-formats');
  return (module.default ?? module) as (ajv: AjvCore) => AjvCore;
})();
const draft06Meta = require('ajv/dist/refs/json-schema-draft-06.json');
const draft04Meta = require('ajv-draft-04/dist/refs/json-schema-draft-04.json');

type Draft = '04' | '06' | '07' | '2019-09' | '2020-12';

/** `$schema` URLs → draft, compared without scheme variant, trailing `#` or trailing slash. */
const DRAFTS: Record<string, Draft> = {
  'json-schema.org/draft-04/schema': '04',
  'json-schema.org/schema': '07',
  'json-schema.org/draft-06/schema': '06',
  'json-schema.org/draft-07/schema': '07',
  'json-schema.org/draft/2019-09/schema': '2019-09',
  'json-schema.org/draft/2020-12/schema': '2020-12',
  [BIGCONTENT_META_SCHEMA_ID.replace(/^https?:\/\//, '')]: '04',
};

const normalizeUri = (uri: string) => uri.replace(/^https?:\/\//, '').replace(/#$/, '').replace(/\/$/, '');

export function draftOf(schema: Record<string, unknown>): Draft | undefined {
  const declared = schema.$schema;
  if (declared === undefined) return '07';
  if (typeof declared !== 'string') return undefined;
  return DRAFTS[normalizeUri(declared)];
}

/** Formats the vendor's schemas use that JSON Schema does not define: accepted as they are. */
const VENDOR_FORMATS = ['symbol', 'markdown', 'color', 'text'];

function newAjv(draft: Draft, loadSchema: (uri: string) => Promise<AnySchemaObject>): AjvCore {
  const options = { strict: false, allErrors: true, logger: false, loadSchema, validateSchema: true };
  let ajv: AjvCore;
  switch (draft) {
    case '04':
      ajv = new Ajv04(options);
      ajv.addMetaSchema({ ...draft04Meta, id: `${BIGCONTENT_META_SCHEMA_ID}#` });
      break;
    case '2019-09':
      ajv = new Ajv2019(options);
      break;
    case '2020-12':
      ajv = new Ajv2020(options);
      break;
    default:
      ajv = new Ajv07(options);
      ajv.addMetaSchema(draft06Meta);
  }
  addFormats(ajv);
  for (const format of VENDOR_FORMATS) ajv.addFormat(format, true);
  return ajv;
}

/** A problem with a schema document, phrased for the `message` of a 400. */
export class SchemaProblem extends Error {}

class UnknownReference extends Error {}

/** The schema's own id: `$id`, or `id` as draft-04 and the vendor's older schemas write it. */
export function declaredId(schema: Record<string, unknown>): string | undefined {
  const id = schema.$id ?? schema.id;
  return typeof id === 'string' ? id : undefined;
}

export function parseSchemaBody(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new SchemaProblem(`body is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SchemaProblem('body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Compiles `schema`. `resolve` looks up another schema of the hub by id. A `$ref` to a schema that is
 * neither the vendor's core nor in the hub is tolerated at this point (schemas are often imported in any
 * order); everything else that does not compile is a SchemaProblem.
 */
export async function compileSchema(
  schema: Record<string, unknown>,
  resolve: (schemaId: string) => Promise<Record<string, unknown> | undefined>,
): Promise<ValidateFunction | undefined> {
  const draft = draftOf(schema);
  if (!draft) throw new SchemaProblem(`unsupported $schema ${JSON.stringify(schema.$schema)}`);
  const ajv = newAjv(draft, async (uri) => {
    const target = uri.replace(/#.*$/, '');
    if (normalizeUri(target) === normalizeUri(CORE_SCHEMA_ID)) return coreSchema as unknown as AnySchemaObject;
    const found = (await resolve(target)) ?? (await resolve(`${target}#`));
    if (!found) throw new UnknownReference(target);
    return found as AnySchemaObject;
  });
  if (!ajv.validateSchema(schema)) {
    throw new SchemaProblem(`body is not a valid JSON Schema (draft ${draft}): ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}`);
  }
  try {
    return await ajv.compileAsync(schema);
  } catch (error) {
    if (error instanceof UnknownReference) return undefined;
    throw new SchemaProblem(`body does not compile as a JSON Schema: ${(error as Error).message}`);
  }
}
