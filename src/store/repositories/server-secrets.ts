import type { Kysely } from 'kysely';
import type { ServerSecretRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function serverSecretRepository(db: Kysely<Database>): ServerSecretRepository {
  return {
    async getOrCreate(name, candidate, now) {
      await db
        .insertInto('serverSecrets')
        .values({ name, value: candidate, createdDate: now })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('serverSecrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
