import type { Kysely, Selectable } from 'kysely';
import type { ContentRepository, Status } from '../../domain/model.js';
import type { ContentRepositoryRepository } from '../../domain/ports.js';
import type { ContentRepositoriesTable, Database } from '../schema.js';
import { fetchPage } from '../paging.js';
import type { Guard } from './guard.js';

type Row = Selectable<ContentRepositoriesTable>;

const toRow = (repo: ContentRepository): ContentRepositoriesTable => {
  const { contentTypes: _assigned, ...fields } = repo;
  return { ...fields, features: JSON.stringify(repo.features), itemLocales: JSON.stringify(repo.itemLocales) };
};

export function contentRepositoryRepository(db: Kysely<Database>, guard: Guard): ContentRepositoryRepository {
  /** Rows → repositories with their assigned content types, in two queries whatever the page size. */
  async function hydrate(rows: Row[]): Promise<ContentRepository[]> {
    if (rows.length === 0) return [];
    const assigned = await db
      .selectFrom('repositoryContentTypes as r')
      .innerJoin('contentTypes as t', 't.id', 'r.contentTypeId')
      .select(['r.repositoryId', 'r.contentTypeId', 't.contentTypeUri'])
      .where(
        'r.repositoryId',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('r.position')
      .execute();
    return rows.map((row) => ({
      ...row,
      status: row.status as Status,
      type: 'CONTENT',
      features: JSON.parse(row.features),
      itemLocales: JSON.parse(row.itemLocales),
      contentTypes: assigned
        .filter((a) => a.repositoryId === row.id)
        .map((a) => ({ hubContentTypeId: a.contentTypeId, contentTypeUri: a.contentTypeUri })),
    }));
  }

  return {
    async get(id) {
      const row = await db.selectFrom('contentRepositories').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await hydrate([row]))[0];
    },
    async getByName(hubId, name) {
      const row = await db
        .selectFrom('contentRepositories')
        .selectAll()
        .where('hubId', '=', hubId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && (await hydrate([row]))[0];
    },
    async list({ hubId, feature }, page) {
      let query = db.selectFrom('contentRepositories').where('hubId', '=', hubId);
      // features is a small JSON array of plain words; match the quoted element.
      if (feature !== undefined) query = query.where('features', 'like', `%${JSON.stringify(feature)}%`);
      const result = await fetchPage(query, page, SORT_COLUMNS, (row: Row) => row);
      return { ...result, items: await hydrate(result.items) };
    },
    insert: (repo) => guard(() => db.insertInto('contentRepositories').values(toRow(repo)).execute()),
    update: (repo) =>
      guard(() => db.updateTable('contentRepositories').set(toRow(repo)).where('id', '=', repo.id).execute()),
    async assign(repositoryId, type) {
      const last = await db
        .selectFrom('repositoryContentTypes')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('repositoryId', '=', repositoryId)
        .executeTakeFirst();
      await guard(() =>
        db
          .insertInto('repositoryContentTypes')
          .values({ repositoryId, contentTypeId: type.hubContentTypeId, position: Number(last?.position ?? 0) + 1 })
          .execute(),
      );
    },
    async unassign(repositoryId, contentTypeId) {
      const result = await db
        .deleteFrom('repositoryContentTypes')
        .where('repositoryId', '=', repositoryId)
        .where('contentTypeId', '=', contentTypeId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

const SORT_COLUMNS = { name: 'name', label: 'label', createdDate: 'createdDate', lastModifiedDate: 'lastModifiedDate' };
