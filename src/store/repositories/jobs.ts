import type { Kysely, Selectable } from 'kysely';
import type { Job, JobRepository, JobStatus } from '../../domain/ports.js';
import type { Database, JobsTable } from '../schema.js';

const toJob = ({ claimedBy: _claimedBy, leaseUntil: _leaseUntil, ...row }: Selectable<JobsTable>): Job => ({
  ...row,
  payload: JSON.parse(row.payload) as unknown,
  status: row.status as JobStatus,
});

/**
 * `skipLocked`: on PostgreSQL the candidate row is locked `FOR UPDATE SKIP LOCKED`, so instances
 * claiming at once each take a different job instead of queueing behind one another. SQLite has one
 * writer at a time, which makes the same single UPDATE atomic without it.
 */
export function jobRepository(db: Kysely<Database>, { skipLocked }: { skipLocked: boolean }): JobRepository {
  return {
    async enqueue({ id, kind, payload, createdDate }) {
      await db
        .insertInto('jobs')
        .values({ id, kind, payload: JSON.stringify(payload), status: 'QUEUED', createdDate })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
    async claim(kinds, worker, now, leaseUntil) {
      if (kinds.length === 0) return undefined;
      let candidate = db
        .selectFrom('jobs')
        .select('id')
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([eb('status', '=', 'QUEUED'), eb.and([eb('status', '=', 'RUNNING'), eb('leaseUntil', '<', now)])]),
        )
        .orderBy('createdDate')
        .orderBy('id')
        .limit(1);
      if (skipLocked) candidate = candidate.forUpdate().skipLocked();
      const row = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'RUNNING',
          claimedBy: worker,
          leaseUntil,
          attempts: eb('attempts', '+', 1),
          startedDate: now,
        }))
        .where('id', '=', candidate)
        .returningAll()
        .executeTakeFirst();
      return row && toJob(row);
    },
    async finish(id, worker, { status, error }, now) {
      const result = await db
        .updateTable('jobs')
        .set({ status, error: error ?? null, finishedDate: now, leaseUntil: null })
        .where('id', '=', id)
        .where('claimedBy', '=', worker)
        .where('status', '=', 'RUNNING')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
