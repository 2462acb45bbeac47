import type { Kysely } from 'kysely';

/**
 * Secrets every instance must share, such as the token signing key (issue 3): kept in the database so
 * that a token issued by one instance behind a load balancer is accepted by all of them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .execute();
}
