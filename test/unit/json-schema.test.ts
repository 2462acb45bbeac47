import { describe, expect, it } from 'vitest';
import { compileSchema, draftOf, SchemaProblem } from '../../src/domain/schemas/json-schema.js';

const none = async () => undefined;

describe('draftOf', () => {
  it.each([
    ['http://json-schema.org/draft-04/schema#', '04'],
    ['http://json-schema.org/draft-07/schema#', '07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['http://bigcontent.io/cms/schema/v1/schema#', '04'],
  ])('%s → draft %s', (uri, draft) => {
    expect(draftOf({ $schema: uri })).toBe(draft);
  });
  it('defaults to draft-07 and knows no others', () => {
    expect(draftOf({})).toBe('07');
    expect(draftOf({ $schema: 'http://example.com/my-meta' })).toBeUndefined();
  });
});

describe('compileSchema', () => {
  it('compiles a vendor-style schema that refers to the core definitions', async () => {
    const validate = await compileSchema(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://example.com/banner.json',
        allOf: [{ $ref: 'http://bigcontent.io/cms/schema/v1/core#/definitions/content' }],
        type: 'object',
        properties: { link: { allOf: [{ $ref: 'http://bigcontent.io/cms/schema/v1/core#/definitions/content-link' }] } },
      },
      none,
    );
    expect(validate!({ _meta: { schema: 'https://example.com/banner.json' } })).toBe(true);
    expect(validate!({})).toBe(false);
  });
  it('refuses a document that is not a valid schema of its draft', async () => {
    await expect(compileSchema({ type: 'object', required: 'title' }, none)).rejects.toThrow(SchemaProblem);
  });
  it('refuses draft-04 syntax under 2020-12', async () => {
    await expect(
      compileSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'number', exclusiveMinimum: true }, none),
    ).rejects.toThrow(/exclusiveMinimum/);
  });
  it('refuses a local $ref that does not resolve', async () => {
    await expect(compileSchema({ properties: { a: { $ref: '#/definitions/missing' } } }, none)).rejects.toThrow(/cannot be resolved|can't resolve/);
  });
  it('resolves another schema of the hub and tolerates one not yet created', async () => {
    const other = { $id: 'https://example.com/other.json', definitions: { name: { type: 'string' } } };
    const validate = await compileSchema(
      { properties: { n: { $ref: 'https://example.com/other.json#/definitions/name' } } },
      async (id) => (id === other.$id ? other : undefined),
    );
    expect(validate!({ n: 3 })).toBe(false);
    expect(await compileSchema({ properties: { n: { $ref: 'https://example.com/later.json' } } }, none)).toBeUndefined();
  });
});
