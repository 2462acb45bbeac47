import type { Kysely, Selectable } from 'kysely';
import type { ContentType, Status } from '../../domain/model.js';
import type { ContentTypeRepository } from '../../domain/ports.js';
import type { ContentTypesTable, Database } from '../schema.js';
import { fetchPage } from '../paging.js';
import { compiledLookup } from '../compiled.js';
import type { Guard } from './guard.js';

const toType = (row: Selectable<ContentTypesTable>): ContentType => ({
  ...row,
  status: row.status as Status,
  settings: JSON.parse(row.settings),
  cachedSchema: JSON.parse(row.cachedSchema),
});

const toRow = (type: ContentType): ContentTypesTable => ({
  ...type,
  settings: JSON.stringify(type.settings),
  cachedSchema: JSON.stringify(type.cachedSchema),
});

export function contentTypeRepository(db: Kysely<Database>, guard: Guard): ContentTypeRepository {
  const byId = compiledLookup(db, (q) => q.selectFrom('contentTypes').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toType(row);
    },
    async getByUri(hubId, contentTypeUri) {
      const row = await db
        .selectFrom('contentTypes')
        .selectAll()
        .where('hubId', '=', hubId)
        .where('contentTypeUri', '=', contentTypeUri)
        .executeTakeFirst();
      return row && toType(row);
    },
    list({ hubId, status }, page) {
      let query = db.selectFrom('contentTypes').where('hubId', '=', hubId);
      if (status) query = query.where('status', '=', status);
      return fetchPage(query, page, SORT_COLUMNS, toType);
    },
    insert: (type) => guard(() => db.insertInto('contentTypes').values(toRow(type)).execute()),
    update: (type) => guard(() => db.updateTable('contentTypes').set(toRow(type)).where('id', '=', type.id).execute()),
  };
}

const SORT_COLUMNS = { contentTypeUri: 'contentTypeUri', createdDate: 'createdDate', lastModifiedDate: 'lastModifiedDate' };
