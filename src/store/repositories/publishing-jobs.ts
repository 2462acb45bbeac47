import type { Kysely, Selectable } from 'kysely';
import type { PublishingJob, PublishingJobState } from '../../domain/model.js';
import type { PublishingJobRepository } from '../../domain/ports.js';
import type { Database, PublishingJobsTable } from '../schema.js';

const toJob = (row: Selectable<PublishingJobsTable>): PublishingJob => ({
  ...row,
  version: Number(row.version),
  action: row.action as PublishingJob['action'],
  state: row.state as PublishingJobState,
});

export function publishingJobRepository(db: Kysely<Database>): PublishingJobRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('publishingJobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
    async insert(job) {
      await db.insertInto('publishingJobs').values(job).execute();
    },
    async transition(id, from, to) {
      const result = await db.updateTable('publishingJobs').set(to).where('id', '=', id).where('state', '=', from).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
