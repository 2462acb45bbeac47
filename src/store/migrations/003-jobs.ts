import type { Kysely } from 'kysely';

/**
 * The background job queue (issue 3): publishing and localization jobs are queued in the same
 * transaction as the change that asks for them, and claimed by one instance at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('started_date', 'text')
    .addColumn('finished_date', 'text')
    .execute();
  await db.schema.createIndex('jobs_waiting').on('jobs').columns(['status', 'created_date']).execute();
}
