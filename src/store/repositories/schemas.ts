import type { Kysely, Selectable } from 'kysely';
import type { ContentTypeSchema, Status, ValidationLevel } from '../../domain/model.js';
import type { ContentTypeSchemaRepository } from '../../domain/ports.js';
import type { ContentTypeSchemasTable, Database } from '../schema.js';
import { fetchPage } from '../paging.js';
import { compiledLookup } from '../compiled.js';
import type { Guard } from './guard.js';

const toSchema = (row: Selectable<ContentTypeSchemasTable>): ContentTypeSchema => ({
  ...row,
  validationLevel: row.validationLevel as ValidationLevel,
  status: row.status as Status,
  version: Number(row.version),
});

export function schemaRepository(db: Kysely<Database>, guard: Guard): ContentTypeSchemaRepository {
  const recordVersion = (schema: ContentTypeSchema) =>
    db
      .insertInto('contentTypeSchemaVersions')
      .values({
        id: schema.id,
        version: schema.version,
        body: schema.body,
        validationLevel: schema.validationLevel,
        status: schema.status,
        lastModifiedBy: schema.lastModifiedBy,
        lastModifiedDate: schema.lastModifiedDate,
      })
      .execute();

  /** A past version, read as the whole resource it was then. */
  const versions = (id: string) =>
    db
      .selectFrom('contentTypeSchemaVersions as v')
      .innerJoin('contentTypeSchemas as s', 's.id', 'v.id')
      .select([
        's.id',
        's.hubId',
        's.schemaId',
        's.createdBy',
        's.createdDate',
        'v.version',
        'v.body',
        'v.validationLevel',
        'v.status',
        'v.lastModifiedBy',
        'v.lastModifiedDate',
      ])
      .where('v.id', '=', id);

  const byId = compiledLookup(db, (q) => q.selectFrom('contentTypeSchemas').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toSchema(row);
    },
    async getVersion(id, version) {
      const row = await versions(id).where('v.version', '=', version).executeTakeFirst();
      return row && toSchema(row);
    },
    async getBySchemaId(hubId, schemaId) {
      const row = await db
        .selectFrom('contentTypeSchemas')
        .selectAll()
        .where('hubId', '=', hubId)
        .where('schemaId', '=', schemaId)
        .executeTakeFirst();
      return row && toSchema(row);
    },
    list({ hubId, status }, page) {
      let query = db.selectFrom('contentTypeSchemas').where('hubId', '=', hubId);
      if (status) query = query.where('status', '=', status);
      return fetchPage(query, page, SORT_COLUMNS, toSchema);
    },
    async listVersions(id, page) {
      const total = await db
        .selectFrom('contentTypeSchemaVersions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('id', '=', id)
        .executeTakeFirst();
      const rows = await versions(id)
        .orderBy('v.version', 'desc')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute();
      return { items: rows.map(toSchema), total: Number(total?.n ?? 0), request: page };
    },
    insert: (schema) =>
      guard(async () => {
        await db.insertInto('contentTypeSchemas').values(schema).execute();
        await recordVersion(schema);
      }),
    async update(schema, basedOn) {
      let updated = false;
      await guard(async () => {
        const result = await db
          .updateTable('contentTypeSchemas')
          .set(schema)
          .where('id', '=', schema.id)
          .where('version', '=', basedOn)
          .executeTakeFirst();
        updated = Number(result.numUpdatedRows) === 1;
        if (updated && schema.version !== basedOn) await recordVersion(schema);
      });
      return updated;
    },
  };
}

const SORT_COLUMNS = {
  schemaId: 'schemaId',
  createdDate: 'createdDate',
  lastModifiedDate: 'lastModifiedDate',
  version: 'version',
};
