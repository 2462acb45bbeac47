import { createRequire } from 'node:module';
import type { FastifySchemaCompiler } from 'fastify';
import type { Ajv as AjvType } from 'ajv';

const require = createRequire(import.meta.url);
const AjvModule = require('ajv');
const Ajv = (AjvModule.default ?? AjvModule) as new (options: object) => AjvType;

const common = { allErrors: false, removeAdditional: false, useDefaults: true, verbose: true, strict: false };
/** Query strings and paths are text, so their numbers and booleans are coerced. */
const coercing = new Ajv({ ...common, coerceTypes: 'array' });
/** Bodies are JSON: a string where a number belongs is an error, not something to coerce. */
const exact = new Ajv({ ...common, coerceTypes: false });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
