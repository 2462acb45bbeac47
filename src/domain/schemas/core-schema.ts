/**
 * The vendor's shared definitions that content type schemas `$ref` (`http://bigcontent.io/cms/schema/v1/core#/definitions/…`).
 * Decibel cannot fetch them at run time, so it ships its own reading of them: the shapes the vendor's
 * content bodies and the official SDKs use (docs/compat.md, "Content type schemas").
 */
export const CORE_SCHEMA_ID = 'http://bigcontent.io/cms/schema/v1/core';
/** The vendor's own `$schema` URL, used by older schemas; validated as draft-04, which it extends. */
export const BIGCONTENT_META_SCHEMA_ID = 'http://bigcontent.io/cms/schema/v1/schema';

const meta = (schema: string) => ({
  type: 'object',
  properties: { schema: { type: 'string', enum: [`${CORE_SCHEMA_ID}#/definitions/${schema}`] } },
  required: ['schema'],
});

const link = (kind: 'content-link' | 'content-reference') => ({
  type: 'object',
  properties: {
    _meta: meta(kind),
    contentType: { type: 'string' },
    id: { type: 'string' },
  },
  required: ['_meta', 'contentType', 'id'],
});

const media = (kind: 'image-link' | 'video-link') => ({
  type: 'object',
  properties: {
    _meta: meta(kind),
    id: { type: 'string' },
    name: { type: 'string' },
    endpoint: { type: 'string' },
    defaultHost: { type: 'string' },
    mediaType: { type: 'string' },
  },
  required: ['_meta', 'id', 'name', 'endpoint', 'defaultHost'],
});

export const coreSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CORE_SCHEMA_ID,
  definitions: {
    content: {
      type: 'object',
      properties: {
        _meta: {
          type: 'object',
          properties: {
            schema: { type: 'string' },
            name: { type: 'string' },
            deliveryKey: { type: ['string', 'null'] },
          },
          required: ['schema'],
        },
      },
      required: ['_meta'],
    },
    'content-link': link('content-link'),
    'content-reference': link('content-reference'),
    'image-link': media('image-link'),
    'video-link': media('video-link'),
    'localized-value': {
      type: 'object',
      properties: {
        _meta: meta('localized-value'),
        values: {
          type: 'array',
          items: { type: 'object', properties: { locale: { type: 'string' }, value: {} }, required: ['locale', 'value'] },
        },
      },
      required: ['_meta', 'values'],
    },
  },
} as const;
