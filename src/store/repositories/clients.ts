import type { Kysely } from 'kysely';
import type { ClientRepository, PatRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import type { Guard } from './guard.js';

export function clientRepository(db: Kysely<Database>, guard: Guard): ClientRepository {
  return {
    get: (clientId) => db.selectFrom('clients').selectAll().where('clientId', '=', clientId).executeTakeFirst(),
    insert: (client) => guard(() => db.insertInto('clients').values(client).execute()),
    update: (client) =>
      guard(() => db.updateTable('clients').set(client).where('clientId', '=', client.clientId).execute()),
  };
}

export function patRepository(db: Kysely<Database>, guard: Guard): PatRepository {
  return {
    getByHash: (tokenHash) =>
      db.selectFrom('personalAccessTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst(),
    insert: (pat) => guard(() => db.insertInto('personalAccessTokens').values(pat).execute()),
  };
}
