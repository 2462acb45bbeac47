import type { Kysely } from 'kysely';

/** Links between content items (issue 4), rewritten with every item write: content links, references and hierarchy parents. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_links')
    .addColumn('from_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_links_pk', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema.createIndex('content_links_to').on('content_links').columns(['to_id', 'kind']).execute();
}
