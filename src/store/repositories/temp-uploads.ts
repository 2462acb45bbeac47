import type { Kysely, Selectable } from 'kysely';
import type { TempUpload } from '../../domain/model.js';
import type { TempUploadRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';

const toUpload = (row: Selectable<Database['tempUploads']>): TempUpload => ({
  ...row,
  status: row.status as TempUpload['status'],
  size: row.size === null ? null : Number(row.size),
});

export function tempUploadRepository(db: Kysely<Database>): TempUploadRepository {
  return {
    insert: async (upload) => void (await db.insertInto('tempUploads').values(upload).execute()),
    async get(token) {
      const row = await db.selectFrom('tempUploads').selectAll().where('token', '=', token).executeTakeFirst();
      return row && toUpload(row);
    },
    async transition(token, from, changes) {
      const result = await db.updateTable('tempUploads').set(changes).where('token', '=', token).where('status', '=', from).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listExpired(now, limit) {
      const rows = await db.selectFrom('tempUploads').selectAll().where('expiresAt', '<', now).orderBy('expiresAt').limit(limit).execute();
      return rows.map(toUpload);
    },
    delete: async (token) => void (await db.deleteFrom('tempUploads').where('token', '=', token).execute()),
  };
}
