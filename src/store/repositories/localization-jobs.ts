import type { Kysely, Selectable } from 'kysely';
import type { LocalizationJob, LocalizationJobStatus } from '../../domain/model.js';
import type { LocalizationJobRepository } from '../../domain/ports.js';
import type { Database, LocalizationJobsTable } from '../schema.js';
import { fetchPage } from '../paging.js';

const toJob = (row: Selectable<LocalizationJobsTable>): LocalizationJob => ({
  id: row.id,
  hubId: row.hubId,
  rootContentItem: { id: row.rootContentItemId, label: row.rootLabel, locale: row.rootLocale },
  version: Number(row.version),
  requestedLocales: JSON.parse(row.requestedLocales) as string[],
  replicateFolderStructure: Boolean(row.replicateFolderStructure),
  status: row.status as LocalizationJobStatus,
  error: row.error,
  createdBy: row.createdBy,
  createdDate: row.createdDate,
  lastModifiedDate: row.lastModifiedDate,
});

export function localizationJobRepository(db: Kysely<Database>): LocalizationJobRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('localizationJobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
    listByRoot(rootContentItemId, page) {
      const query = db.selectFrom('localizationJobs').where('rootContentItemId', '=', rootContentItemId);
      const request = page.sort.length > 0 ? page : { ...page, sort: [{ field: 'createdDate', direction: 'desc' as const }] };
      return fetchPage(query, request, { createdDate: 'createdDate' }, toJob);
    },
    async insert(job) {
      await db
        .insertInto('localizationJobs')
        .values({
          id: job.id,
          hubId: job.hubId,
          rootContentItemId: job.rootContentItem.id,
          rootLabel: job.rootContentItem.label,
          rootLocale: job.rootContentItem.locale,
          version: job.version,
          requestedLocales: JSON.stringify(job.requestedLocales),
          replicateFolderStructure: job.replicateFolderStructure ? 1 : 0,
          status: job.status,
          error: job.error,
          createdBy: job.createdBy,
          createdDate: job.createdDate,
          lastModifiedDate: job.lastModifiedDate,
        })
        .execute();
    },
    async finish(id, { status, error }, now) {
      await db.updateTable('localizationJobs').set({ status, error: error ?? null, lastModifiedDate: now }).where('id', '=', id).execute();
    },
  };
}
