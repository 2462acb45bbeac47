import type { Kysely } from 'kysely';

/** Localization jobs (issue 4, 002 "Create localizations"), carried out by the job queue. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('localization_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
    .addColumn('root_content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('root_label', 'text', (c) => c.notNull())
    .addColumn('root_locale', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('requested_locales', 'text', (c) => c.notNull())
    .addColumn('replicate_folder_structure', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('last_modified_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('localization_jobs_root').on('localization_jobs').column('root_content_item_id').execute();
}
