import type { Kysely, Selectable } from 'kysely';
import type { Folder } from '../../domain/model.js';
import type { FolderRepository } from '../../domain/ports.js';
import type { Database, FoldersTable } from '../schema.js';
import { fetchPage } from '../paging.js';
import { compiledLookup } from '../compiled.js';
import type { Guard } from './guard.js';

const toFolder = (row: Selectable<FoldersTable>): Folder => row;

export function folderRepository(db: Kysely<Database>, guard: Guard): FolderRepository {
  const byId = compiledLookup(db, (q) => q.selectFrom('folders').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toFolder(row);
    },
    list({ repositoryId, parentId }, page) {
      const query = db
        .selectFrom('folders')
        .where('repositoryId', '=', repositoryId)
        .where('parentId', parentId === null ? 'is' : '=', parentId);
      return fetchPage(query, page, SORT_COLUMNS, toFolder);
    },
    insert: (folder) => guard(() => db.insertInto('folders').values(folder).execute()),
    update: (folder) => guard(() => db.updateTable('folders').set(folder).where('id', '=', folder.id).execute()),
    async delete(id) {
      await db.deleteFrom('folders').where('id', '=', id).execute();
    },
    async countChildren(id) {
      const row = await db
        .selectFrom('folders')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('parentId', '=', id)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

const SORT_COLUMNS = { name: 'name', createdDate: 'createdDate', lastModifiedDate: 'lastModifiedDate' };
