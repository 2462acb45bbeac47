import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContentItem, ContentItemAction, ContentItemHistoryEntry, Status } from '../../domain/model.js';
import type { ContentItemRepository } from '../../domain/ports.js';
import type { ResolvedSearch } from '../../domain/content-items/search.js';
import { BODY_LINK_KINDS, type ContentLink, type ContentLinkKind } from '../../domain/content-items/links.js';
import type { ContentItemHistoryTable, ContentItemsTable, Database } from '../schema.js';
import { fetchPage } from '../paging.js';
import { compiledLookup } from '../compiled.js';
import type { Guard } from './guard.js';
import { indexedText, type SearchIndex } from '../search/index.js';

const toItem = (row: Selectable<ContentItemsTable>): ContentItem => ({
  ...row,
  body: JSON.parse(row.body) as Record<string, unknown>,
  assignees: JSON.parse(row.assignees) as string[],
  version: Number(row.version),
  lastPublishedVersion: row.lastPublishedVersion === null ? null : Number(row.lastPublishedVersion),
  status: row.status as Status,
});

const toRow = (item: ContentItem): ContentItemsTable => ({
  ...item,
  body: JSON.stringify(item.body),
  assignees: JSON.stringify(item.assignees),
});

const toEntry = (row: Selectable<ContentItemHistoryTable>): ContentItemHistoryEntry => ({
  contentItemId: row.contentItemId,
  version: Number(row.version),
  action: row.action as ContentItemAction,
  actionedBy: row.actionedBy,
  actionedDate: row.actionedDate,
});

const SORT_COLUMNS: Record<string, string> = {
  label: 'label',
  createdDate: 'createdDate',
  lastModifiedDate: 'lastModifiedDate',
  version: 'version',
  status: 'status',
};

export function contentItemRepository(db: Kysely<Database>, guard: Guard, searchIndex: SearchIndex): ContentItemRepository {
  const recordVersion = (item: ContentItem) =>
    db.insertInto('contentItemVersions').values({ contentItemId: item.id, version: item.version, item: JSON.stringify(item) }).execute();
  const recordHistory = (entry: ContentItemHistoryEntry) => db.insertInto('contentItemHistory').values({ id: randomUUID(), ...entry }).execute();
  const historyOf = (item: ContentItem, action: ContentItemAction): ContentItemHistoryEntry => ({
    contentItemId: item.id,
    version: item.version,
    action,
    actionedBy: item.lastModifiedBy,
    actionedDate: item.lastModifiedDate,
  });

  const writeLinks = async (fromId: string, links: ContentLink[]) => {
    await db.deleteFrom('contentLinks').where('fromId', '=', fromId).where('kind', 'in', BODY_LINK_KINDS).execute();
    if (links.length > 0) await db.insertInto('contentLinks').values(links).execute();
  };

  /** The hub's items matching a search: ANDed clauses of ORed predicates. */
  const matching = ({ hubId, clauses }: ResolvedSearch) => {
    let query = db.selectFrom('contentItems').where('hubId', '=', hubId);
    for (const clause of clauses) {
      query = query.where((eb) =>
        eb.or(
          clause.map((predicate) => {
            const test =
              predicate.kind === 'text'
                ? searchIndex.matches(predicate)
                : eb(eb.fn.coalesce(eb.fn('lower', [eb.ref(predicate.field)]), sql.lit('')), '=', predicate.value);
            return predicate.negated ? eb.not(test) : test;
          }),
        ),
      );
    }
    return query;
  };

  const byId = compiledLookup(db, (q) => q.selectFrom('contentItems').selectAll().where('id', '=', '').compile());
  return {
    async get(id) {
      const row = await byId(id);
      return row && toItem(row);
    },
    async getVersion(id, version) {
      const row = await db
        .selectFrom('contentItemVersions')
        .select('item')
        .where('contentItemId', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row && (JSON.parse(row.item) as ContentItem);
    },
    async listVersions(id, page) {
      const total = await db
        .selectFrom('contentItemVersions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('contentItemId', '=', id)
        .executeTakeFirst();
      const rows = await db
        .selectFrom('contentItemVersions')
        .select('item')
        .where('contentItemId', '=', id)
        .orderBy('version', 'desc')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute();
      return { items: rows.map((row) => JSON.parse(row.item) as ContentItem), total: Number(total?.n ?? 0), request: page };
    },
    async listHistory(id, version, page) {
      let query = db.selectFrom('contentItemHistory').where('contentItemId', '=', id);
      if (version !== undefined) query = query.where('version', '=', version);
      const total = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      const rows = await query
        .selectAll()
        .orderBy('actionedDate', 'desc')
        .orderBy('version', 'desc')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute();
      return { items: rows.map(toEntry), total: Number(total?.n ?? 0), request: page };
    },
    list({ repositoryId, folderId, status, excludeHierarchicalChildren }, page) {
      let query = db.selectFrom('contentItems').where('contentRepositoryId', '=', repositoryId);
      if (excludeHierarchicalChildren) {
        query = query.where((eb) =>
          eb.not(eb.exists(eb.selectFrom('contentLinks').select('toId').whereRef('contentLinks.fromId', '=', 'contentItems.id').where('kind', '=', 'hierarchy'))),
        );
      }
      if (folderId !== undefined) query = query.where('folderId', '=', folderId);
      if (status) query = query.where('status', '=', status);
      return fetchPage(query, page, SORT_COLUMNS, toItem);
    },
    async findByDeliveryKey(hubId, deliveryKey) {
      const row = await db
        .selectFrom('contentItems')
        .selectAll()
        .where('hubId', '=', hubId)
        .where('deliveryKey', '=', deliveryKey)
        .executeTakeFirst();
      return row && toItem(row);
    },
    insert: (item, action, links) =>
      guard(async () => {
        await db.insertInto('contentItems').values(toRow(item)).execute();
        await writeLinks(item.id, links);
        await searchIndex.write(db, item.id, indexedText(item));
        await recordVersion(item);
        await recordHistory(historyOf(item, action));
      }),
    async update(item, basedOn, action, links) {
      let updated = false;
      await guard(async () => {
        const result = await db
          .updateTable('contentItems')
          .set(toRow(item))
          .where('id', '=', item.id)
          .where('version', '=', basedOn)
          .executeTakeFirst();
        updated = Number(result.numUpdatedRows) === 1;
        if (!updated) return;
        await writeLinks(item.id, links);
        await searchIndex.write(db, item.id, indexedText(item));
        if (item.version !== basedOn) await recordVersion(item);
        await recordHistory(historyOf(item, action));
      });
      return updated;
    },
    async recordHistory(entry) {
      await recordHistory(entry);
    },
    async setPublication(id, publication) {
      await db.updateTable('contentItems').set(publication).where('id', '=', id).execute();
    },
    async lastPublicationAt(id, at) {
      const row = await db
        .selectFrom('contentItemHistory')
        .selectAll()
        .where('contentItemId', '=', id)
        .where('action', 'in', ['PUBLISH', 'UNPUBLISH'])
        .where('actionedDate', '<=', at)
        .orderBy('actionedDate', 'desc')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toEntry(row);
    },
    search(search, page) {
      const query = matching(search);
      // Without a ranking shared by both engines, "relevance" (and no sort) lists the most recently changed first.
      const sort = page.sort
        .map((order) => (order.field === 'relevance' ? { field: 'lastModifiedDate', direction: 'desc' as const } : order))
        .concat(page.sort.length === 0 ? [{ field: 'lastModifiedDate', direction: 'desc' }] : []);
      return fetchPage(query, { ...page, sort }, SORT_COLUMNS, toItem);
    },
    async addVariant(variantId, sourceId) {
      await db.insertInto('contentLinks').values({ fromId: variantId, toId: sourceId, kind: 'localization' }).execute();
    },
    async links(ids, direction, kinds) {
      if (ids.length === 0 || kinds.length === 0) return [];
      const rows = await db
        .selectFrom('contentLinks')
        .selectAll()
        .where(direction === 'from' ? 'fromId' : 'toId', 'in', ids)
        .where('kind', 'in', kinds)
        .execute();
      return rows.map((row) => ({ ...row, kind: row.kind as ContentLinkKind }));
    },
    async facetRows(search) {
      const rows = await matching(search)
        .select(['id', 'label', 'schema', 'locale', 'status', 'workflowState', 'assignees', 'createdDate', 'lastModifiedDate'])
        .execute();
      return rows.map((row) => ({ ...row, assignees: JSON.parse(row.assignees) as string[] }));
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('contentItems').selectAll().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, toItem(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async countInFolder(folderId) {
      const row = await db
        .selectFrom('contentItems')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('folderId', '=', folderId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
