import type { Kysely } from 'kysely';

/** Publishing jobs (issue 4): one per publish or unpublish request, carried out by the job queue. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publishing_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('publish_error_status', 'text')
    .addColumn('scheduled_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('last_modified_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publishing_jobs_item').on('publishing_jobs').column('content_item_id').execute();
}
