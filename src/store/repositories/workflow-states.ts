import type { Kysely } from 'kysely';
import type { WorkflowStateRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { fetchPage } from '../paging.js';
import type { Guard } from './guard.js';

export function workflowStateRepository(db: Kysely<Database>, guard: Guard): WorkflowStateRepository {
  return {
    get: (id) => db.selectFrom('workflowStates').selectAll().where('id', '=', id).executeTakeFirst(),
    list: ({ hubId }, page) =>
      fetchPage(db.selectFrom('workflowStates').where('hubId', '=', hubId), page, SORT_COLUMNS, (row: any) => row),
    insert: (state) => guard(() => db.insertInto('workflowStates').values(state).execute()),
    update: (state) => guard(() => db.updateTable('workflowStates').set(state).where('id', '=', state.id).execute()),
  };
}

const SORT_COLUMNS = { label: 'label', createdDate: 'createdDate', lastModifiedDate: 'lastModifiedDate' };
