import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { MediaRepository, Slice } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { compiledLookup } from '../compiled.js';

/** A count and a slice of `query`, ordered by `order` then id so slices never overlap. */
async function slice<TB extends keyof Database, Row>(
  query: SelectQueryBuilder<Database, TB, object>,
  order: string,
  offset: number,
  limit: number,
): Promise<Slice<Row>> {
  const counted = await (query as SelectQueryBuilder<any, any, object>).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  if (limit === 0 || offset >= total) return { items: [], total };
  const items = await (query as SelectQueryBuilder<any, any, object>).selectAll().orderBy(order).orderBy('id').offset(offset).limit(limit).execute();
  return { items: items as Row[], total };
}

export function mediaRepository(db: Kysely<Database>): MediaRepository {
  const hubById = compiledLookup(db, (q) => q.selectFrom('mediaHubs').selectAll().where('id', '=', '').compile());
  const repositoryById = compiledLookup(db, (q) => q.selectFrom('assetRepositories').selectAll().where('id', '=', '').compile());
  const folderById = compiledLookup(db, (q) => q.selectFrom('assetFolders').selectAll().where('id', '=', '').compile());
  return {
    getHub: (id) => hubById(id),
    getHubByName: (name) => db.selectFrom('mediaHubs').selectAll().where('name', '=', name).executeTakeFirst(),
    listHubs: (offset, limit, only) =>
      only?.length === 0
        ? Promise.resolve({ items: [], total: 0 })
        : slice(only ? db.selectFrom('mediaHubs').where('id', 'in', [...only]) : db.selectFrom('mediaHubs'), 'name', offset, limit),
    insertHub: async (hub) => void (await db.insertInto('mediaHubs').values(hub).execute()),
    getRepository: (id) => repositoryById(id),
    listRepositories: (mediaHubId, offset, limit) =>
      slice(db.selectFrom('assetRepositories').where('mediaHubId', '=', mediaHubId), 'label', offset, limit),
    insertRepository: async (repository) => void (await db.insertInto('assetRepositories').values(repository).execute()),
    getFolder: (id) => folderById(id),
    listFolders: (repositoryId, parentId, offset, limit) =>
      slice(
        db
          .selectFrom('assetFolders')
          .where('repositoryId', '=', repositoryId)
          .where((eb) => (parentId === null ? eb('parentId', 'is', null) : eb('parentId', '=', parentId))),
        'label',
        offset,
        limit,
      ),
    insertFolder: async (folder) => void (await db.insertInto('assetFolders').values(folder).execute()),
    renameFolder: async (id, label) => void (await db.updateTable('assetFolders').set({ label }).where('id', '=', id).execute()),
    deleteFolder: async (id) => void (await db.deleteFrom('assetFolders').where('id', '=', id).execute()),
  };
}
