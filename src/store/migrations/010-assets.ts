import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Assets (issue 5): one row per asset, its blob's key, and a full-text index of its words (name, label,
 * filename, tags) in each dialect's engine, for assetSearch's keywords and prefixes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_hub_id', 'text', (c) => c.notNull().references('media_hubs.id'))
    .addColumn('repository_id', 'text', (c) => c.notNull().references('asset_repositories.id'))
    .addColumn('folder_id', 'text', (c) => c.references('asset_folders.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_status', 'text', (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('updated_date', 'text', (c) => c.notNull())
    .execute();
  // Names identify assets within a media hub (they appear in public URLs); deleted assets free theirs.
  await db.schema.createIndex('assets_hub_name').on('assets').columns(['media_hub_id', 'name']).unique().where(sql.ref('status'), '=', 'ACTIVE').execute();
  await db.schema.createIndex('assets_repository').on('assets').columns(['repository_id', 'folder_id']).execute();
  await db.schema.createIndex('assets_hub_updated').on('assets').columns(['media_hub_id', 'updated_date']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE TABLE asset_search (asset_id text PRIMARY KEY REFERENCES assets(id), doc tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX asset_search_doc ON asset_search USING GIN (doc)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE asset_search USING fts5(asset_id UNINDEXED, text, tokenize = "unicode61 tokenchars '-_'")`.execute(db);
  }
}
