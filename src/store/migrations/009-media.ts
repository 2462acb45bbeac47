import type { Kysely } from 'kysely';

/** The asset side (issue 5): media hubs, their asset repositories and the folders in them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media_hubs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('asset_repositories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_hub_id', 'text', (c) => c.notNull().references('media_hubs.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('asset_folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repository_id', 'text', (c) => c.notNull().references('asset_repositories.id'))
    .addColumn('parent_id', 'text', (c) => c.references('asset_folders.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_repositories_hub').on('asset_repositories').column('media_hub_id').execute();
  await db.schema.createIndex('asset_folders_parent').on('asset_folders').columns(['repository_id', 'parent_id']).execute();
}
