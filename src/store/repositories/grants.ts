import type { Kysely } from 'kysely';
import type { GrantRepository, HubModuleRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { compiledLookup, compiledQuery } from '../compiled.js';

export function grantRepository(db: Kysely<Database>): GrantRepository {
  // Read on every request (src/domain/access): compiled once.
  const bySid = compiledQuery(db, (q) => q.selectFrom('grants').selectAll().where('sid', '=', '').compile());
  const version = compiledLookup(db, (q) => q.selectFrom('grantsVersion').select('version').where('id', '=', 1).compile());
  /** A change of grants and the bump of their version, in one transaction. */
  const changing = async (work: (trx: Kysely<Database>) => Promise<unknown>) => {
    const run = async (trx: Kysely<Database>) => {
      await work(trx);
      await trx.updateTable('grantsVersion').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
    };
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  };
  return {
    version: async () => Number((await version(1))?.version ?? 0),
    listForSid: (sid) => bySid(sid),
    listForResource: (resourceType, resourceId) =>
      db
        .selectFrom('grants')
        .selectAll()
        .where('resourceType', '=', resourceType)
        .where('resourceId', '=', resourceId)
        .orderBy('sid')
        .orderBy('permission')
        .execute(),
    async add(grants) {
      if (grants.length === 0) return;
      await changing((trx) =>
        trx
          .insertInto('grants')
          .values(grants)
          .onConflict((conflict) => conflict.columns(['sid', 'resourceType', 'resourceId', 'permission']).doNothing())
          .execute(),
      );
    },
    async remove(sid, resourceType, resourceId, permissions) {
      if (permissions.length === 0) return;
      await changing((trx) =>
        trx
          .deleteFrom('grants')
          .where('sid', '=', sid)
          .where('resourceType', '=', resourceType)
          .where('resourceId', '=', resourceId)
          .where('permission', 'in', permissions)
          .execute(),
      );
    },
  };
}

export function hubModuleRepository(db: Kysely<Database>): HubModuleRepository {
  return {
    list: (hubId) => db.selectFrom('hubModules').select(['module', 'enabledDate']).where('hubId', '=', hubId).orderBy('module').execute(),
    async enable(hubId, module, enabledDate) {
      await db
        .insertInto('hubModules')
        .values({ hubId, module, enabledDate })
        .onConflict((conflict) => conflict.columns(['hubId', 'module']).doNothing())
        .execute();
    },
  };
}
