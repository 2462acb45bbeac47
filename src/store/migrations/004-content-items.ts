import type { Kysely } from 'kysely';

/**
 * Content items (issue 4): the current state of each item, every version it has had, and what was done
 * to it. Delivery keys are unique per hub through a unique index, so two instances can never give one
 * key to two items (NULLs, items without a key, do not collide).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
    .addColumn('content_repository_id', 'text', (c) => c.notNull().references('content_repositories.id'))
    .addColumn('folder_id', 'text', (c) => c.references('folders.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('delivery_key', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignees', 'text', (c) => c.notNull())
    .addColumn('assigned_date', 'text')
    .addColumn('workflow_state', 'text')
    .addColumn('last_published_version', 'integer')
    .addColumn('last_published_date', 'text')
    .addColumn('last_unpublished_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('last_modified_by', 'text', (c) => c.notNull())
    .addColumn('last_modified_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_items_delivery_key').on('content_items').columns(['hub_id', 'delivery_key']).unique().execute();
  await db.schema.createIndex('content_items_repository').on('content_items').columns(['content_repository_id', 'status']).execute();
  await db.schema.createIndex('content_items_folder').on('content_items').column('folder_id').execute();
  await db.schema.createIndex('content_items_hub').on('content_items').columns(['hub_id', 'status']).execute();

  await db.schema
    .createTable('content_item_versions')
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_item_versions_pk', ['content_item_id', 'version'])
    .execute();

  await db.schema
    .createTable('content_item_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actioned_by', 'text', (c) => c.notNull())
    .addColumn('actioned_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_item_history_item').on('content_item_history').columns(['content_item_id', 'version']).execute();
}
