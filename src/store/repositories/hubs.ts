import type { Kysely, Selectable } from 'kysely';
import type { Hub, Status } from '../../domain/model.js';
import type { HubRepository } from '../../domain/ports.js';
import type { Database, HubsTable } from '../schema.js';
import { fetchPage } from '../paging.js';
import { compiledLookup } from '../compiled.js';
import type { Guard } from './guard.js';

const toHub = (row: Selectable<HubsTable>): Hub => ({ ...row, status: row.status as Status, settings: JSON.parse(row.settings) });
const toRow = (hub: Hub): HubsTable => ({ ...hub, settings: JSON.stringify(hub.settings) });

export function hubRepository(db: Kysely<Database>, guard: Guard): HubRepository {
  const byId = compiledLookup(db, (q) => q.selectFrom('hubs').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toHub(row);
    },
    async getByName(name) {
      const row = await db.selectFrom('hubs').selectAll().where('name', '=', name).executeTakeFirst();
      return row && toHub(row);
    },
    list: (page, only) =>
      only?.length === 0
        ? Promise.resolve({ items: [], total: 0, request: page })
        : fetchPage(only ? db.selectFrom('hubs').where('id', 'in', [...only]) : db.selectFrom('hubs'), page, SORT_COLUMNS, toHub),
    insert: (hub) => guard(() => db.insertInto('hubs').values(toRow(hub)).execute()),
    update: (hub) => guard(() => db.updateTable('hubs').set(toRow(hub)).where('id', '=', hub.id).execute()),
  };
}

const SORT_COLUMNS = { name: 'name', label: 'label', createdDate: 'createdDate', lastModifiedDate: 'lastModifiedDate' };
