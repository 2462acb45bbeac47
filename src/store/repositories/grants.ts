import type { Kysely } from 'kysely';
import type { GrantRepository, HubModuleRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { compiledQuery } from '../compiled.js';

export function grantRepository(db: Kysely<Database>): GrantRepository {
  // Read on every request (src/domain/access): compiled once.
  const bySid = compiledQuery(db, (q) => q.selectFrom('grants').selectAll().where('sid', '=', '').compile());
  return {
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
      await db
        .insertInto('grants')
        .values(grants)
        .onConflict((conflict) => conflict.columns(['sid', 'resourceType', 'resourceId', 'permission']).doNothing())
        .execute();
    },
    async remove(sid, resourceType, resourceId, permissions) {
      if (permissions.length === 0) return;
      await db
        .deleteFrom('grants')
        .where('sid', '=', sid)
        .where('resourceType', '=', resourceType)
        .where('resourceId', '=', resourceId)
        .where('permission', 'in', permissions)
        .execute();
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
