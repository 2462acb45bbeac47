import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Asset, AssetPublishStatus, AssetStatus, AssetType } from '../../domain/model.js';
import type { AssetStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import type { Guard } from './guard.js';
import { compiledLookup } from '../compiled.js';
import type { AssetSearchIndex } from '../search/index.js';

type Row = Selectable<Database['assets']>;

const toAsset = (row: Row): Asset => ({
  ...row,
  type: row.type as AssetType,
  status: row.status as AssetStatus,
  publishStatus: row.publishStatus as AssetPublishStatus,
  size: Number(row.size),
  width: row.width === null ? null : Number(row.width),
  height: row.height === null ? null : Number(row.height),
  revisionNumber: Number(row.revisionNumber),
  tags: JSON.parse(row.tags) as string[],
  metadata: JSON.parse(row.metadata) as Asset['metadata'],
});

const toRow = (asset: Asset) => ({ ...asset, tags: JSON.stringify(asset.tags), metadata: JSON.stringify(asset.metadata) });

/** The words assetSearch finds an asset by. */
const searchable = (asset: Asset) => [asset.name, asset.label, asset.filename, ...asset.tags].join('\n');

export function assetStore(db: Kysely<Database>, guard: Guard, searchIndex: AssetSearchIndex): AssetStore {
  const byId = compiledLookup(db, (q) => q.selectFrom('assets').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toAsset(row);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('assets').selectAll().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, toAsset(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async search(query, offset, limit) {
      let base = db.selectFrom('assets').where('status', 'in', query.statuses);
      if (query.keyword) base = base.where(searchIndex.matches(query.keyword));
      if (query.mediaHubIds) {
        const hubs = query.mediaHubIds.length ? [...query.mediaHubIds] : [''];
        // Narrowed by words, repository or folder, those find the assets through their indexes and the media
        // hubs only filter what they found: as an expression the hub index is not taken, which SQLite (with
        // no statistics) would prefer, and then walk every asset of the hubs. Alone, the hub index finds them.
        base =
          query.keyword || query.repositoryIds || query.folderIds
            ? base.where(sql<SqlBool>`(assets.media_hub_id || '') IN (${sql.join(hubs)})`)
            : base.where('mediaHubId', 'in', hubs);
      }
      if (query.repositoryIds) base = base.where('repositoryId', 'in', query.repositoryIds.length ? query.repositoryIds : ['']);
      if (query.folderIds) {
        const folders = query.folderIds;
        base = base.where((eb) =>
          eb.or([
            ...(folders.includes(null) ? [eb('folderId', 'is', null)] : []),
            eb('folderId', 'in', [...folders.filter((f): f is string => f !== null), '']),
          ]),
        );
      }
      if (query.mimeTypes) base = base.where('mimeType', 'in', query.mimeTypes.length ? query.mimeTypes : ['']);
      if (query.tags) {
        // Tags are stored as a JSON array; an asset matches when it has any of the tags.
        const tags = query.tags;
        const pattern = (tag: string) => `%${JSON.stringify(tag).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where((eb) => eb.or(tags.map((tag) => sql<SqlBool>`assets.tags LIKE ${pattern(tag)} ESCAPE '\\'`)));
      }
      const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      const total = Number(counted?.n ?? 0);
      if (limit === 0 || offset >= total) return { items: [], total };
      const rows = await base.selectAll().orderBy(query.sort.field, query.sort.direction).orderBy('id').offset(offset).limit(limit).execute();
      return { items: rows.map(toAsset), total };
    },
    insert: (asset) =>
      guard(async () => {
        await db.insertInto('assets').values(toRow(asset)).execute();
        await searchIndex.write(db, asset.id, searchable(asset));
      }),
    async getByName(mediaHubId, name) {
      const row = await db.selectFrom('assets').selectAll().where('mediaHubId', '=', mediaHubId).where('name', '=', name).where('status', '=', 'ACTIVE').executeTakeFirst();
      return row && toAsset(row);
    },
    async update(asset, basedOn) {
      let written = false;
      await guard(async () => {
        const result = await db.updateTable('assets').set(toRow(asset)).where('id', '=', asset.id).where('revisionNumber', '=', basedOn).executeTakeFirst();
        written = Number(result.numUpdatedRows) > 0;
        if (written) await searchIndex.write(db, asset.id, searchable(asset));
      });
      return written;
    },
    async setPublication(id, publication) {
      await db.updateTable('assets').set(publication).where('id', '=', id).execute();
    },
  };
}
