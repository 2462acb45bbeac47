import type { Kysely } from 'kysely';

/** Hubs, repositories, folders, schemas, content types, workflow states, clients and PATs (issue 2). */
export async function up(db: Kysely<any>): Promise<void> {
  const audit = <T extends { addColumn: any }>(table: T): T =>
    table
      .addColumn('created_by', 'text', (c: any) => c.notNull())
      .addColumn('created_date', 'text', (c: any) => c.notNull())
      .addColumn('last_modified_by', 'text', (c: any) => c.notNull())
      .addColumn('last_modified_date', 'text', (c: any) => c.notNull());

  await audit(
    db.schema
      .createTable('hubs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull()),
  ).execute();

  await audit(
    db.schema
      .createTable('content_repositories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('item_locales', 'text', (c) => c.notNull())
      .addUniqueConstraint('content_repositories_hub_name', ['hub_id', 'name']),
  ).execute();

  await audit(
    db.schema
      .createTable('content_types')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
      .addColumn('content_type_uri', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('cached_schema', 'text', (c) => c.notNull())
      .addUniqueConstraint('content_types_hub_uri', ['hub_id', 'content_type_uri']),
  ).execute();

  await db.schema
    .createTable('repository_content_types')
    .addColumn('repository_id', 'text', (c) => c.notNull().references('content_repositories.id'))
    .addColumn('content_type_id', 'text', (c) => c.notNull().references('content_types.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('repository_content_types_pk', ['repository_id', 'content_type_id'])
    .execute();

  await audit(
    db.schema
      .createTable('folders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
      .addColumn('repository_id', 'text', (c) => c.notNull().references('content_repositories.id'))
      .addColumn('parent_id', 'text', (c) => c.references('folders.id'))
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('folders_parent').on('folders').columns(['repository_id', 'parent_id']).execute();

  await audit(
    db.schema
      .createTable('content_type_schemas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
      .addColumn('schema_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('validation_level', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('content_type_schemas_hub_schema_id', ['hub_id', 'schema_id']),
  ).execute();

  await db.schema
    .createTable('content_type_schema_versions')
    .addColumn('id', 'text', (c) => c.notNull().references('content_type_schemas.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('validation_level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_modified_by', 'text', (c) => c.notNull())
    .addColumn('last_modified_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_type_schema_versions_pk', ['id', 'version'])
    .execute();

  await audit(
    db.schema
      .createTable('workflow_states')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('color', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('personal_access_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.client_id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .execute();

  for (const table of ['content_repositories', 'content_types', 'content_type_schemas', 'workflow_states']) {
    await db.schema.createIndex(`${table}_hub`).on(table).column('hub_id').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'personal_access_tokens',
    'clients',
    'workflow_states',
    'content_type_schema_versions',
    'content_type_schemas',
    'folders',
    'repository_content_types',
    'content_types',
    'content_repositories',
    'hubs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
