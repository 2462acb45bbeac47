import { sql, type Kysely } from 'kysely';

/**
 * Issue 6: who may do what (`grants`: ACL permissions per resource, functional permissions with
 * resource_type `functional`) and which modules a hub has (`hub_modules`). Databases made before it keep
 * working as they did: every existing client gets every permission on every existing hub and media hub,
 * and every existing hub gets both modules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grants')
    .addColumn('sid', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('granted_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grants_pk', ['sid', 'resource_type', 'resource_id', 'permission'])
    .execute();
  // Bumped with every change of grants: a process may keep a member's grants while it is unchanged.
  await db.schema
    .createTable('grants_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('grants_version').values({ id: 1, version: 0 }).execute();
  await db.schema.createIndex('grants_resource').on('grants').columns(['resource_type', 'resource_id', 'sid']).execute();
  await db.schema
    .createTable('hub_modules')
    .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('enabled_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_modules_pk', ['hub_id', 'module'])
    .execute();

  const now = new Date().toISOString();
  const acl = ['READ', 'EDIT', 'MANAGE_ACCESS'];
  const functional = [
    'ADMIN:MANAGE_ACCESS', 'HUB:MANAGE_ACCESS', 'REPOSITORY:MANAGE_ACCESS', 'REPOSITORY:READ', 'REPOSITORY:EDIT',
    'CONTENT_TYPE:READ', 'CONTENT_TYPE:CREATE', 'CONTENT_TYPE:EDIT', 'HUB:EDIT', 'HUB:MANAGE_MODULES',
    'REPOSITORY:CREATE', 'CONTENT_ITEM:READ', 'CONTENT_ITEM:CREATE', 'CONTENT_ITEM:EDIT', 'CONTENT_ITEM:PUBLISH',
  ].map((name) => `CONTENT:FUNCTIONAL:${name}`);
  const grants = (values: { resourceType: string; resourceId: string; permissions: string[] }) => sql`
    INSERT INTO grants (sid, resource_type, resource_id, permission, granted_date)
    SELECT c.client_id, ${values.resourceType}, ${values.resourceId}, p.permission, ${now}
    FROM clients c CROSS JOIN (${sql.join(values.permissions.map((p) => sql`SELECT ${p} AS permission`), sql` UNION ALL `)}) p`;
  await grants({ resourceType: 'functional', resourceId: '', permissions: functional }).execute(db);
  const hubs = await db.selectFrom('hubs').select('id').execute();
  for (const hub of hubs) {
    await grants({ resourceType: 'hubs', resourceId: hub.id, permissions: acl }).execute(db);
    for (const module of ['search-index', 'content-delivery-2']) {
      await db.insertInto('hub_modules').values({ hub_id: hub.id, module, enabled_date: now }).execute();
    }
  }
  const mediaHubs = await db.selectFrom('media_hubs').select('id').execute();
  for (const hub of mediaHubs) await grants({ resourceType: 'media-hubs', resourceId: hub.id, permissions: acl }).execute(db);
}
