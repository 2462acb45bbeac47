import type { Kysely } from 'kysely';

/**
 * Asset files (issue 5): which blob a published asset serves (publishing keeps serving that one while a
 * new file is being ingested), and the temporary upload URLs of createTempFileUploadUrl.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assets').addColumn('published_blob_key', 'text').execute();
  await db.schema.alterTable('assets').addColumn('published_date', 'text').execute();
  await db.schema
    .createTable('temp_uploads')
    .addColumn('token', 'text', (c) => c.primaryKey())
    // WAITING for its PUT, RECEIVING it, UPLOADED (the bytes are under blob_key), or USED by an asset.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('temp_uploads_expiry').on('temp_uploads').column('expires_at').execute();
}
