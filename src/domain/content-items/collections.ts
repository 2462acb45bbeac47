/**
 * Filtering by collection key (003 "Filtering Content Items by Collection Keys"). The vendor does not
 * say what a collection key selects; in Decibel a key names the ACTIVE items of one content type in a
 * hub: `<hub name>:<hex SHA-256 of the content type URI>` — the shape of the vendor's example
 * (`hubName:527c95fd…`). docs/compat.md shows how to make one.
 */
import { createHash } from 'node:crypto';
import { invalid } from '../errors.js';
import type { ContentItem, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';

export const collectionKeyOf = (hubName: string, contentTypeUri: string): string =>
  `${hubName}:${createHash('sha256').update(contentTypeUri).digest('hex')}`;

export const COLLECTION_SORT_FIELDS = ['createdDate', 'lastModifiedDate', 'label'] as const;

export async function filterByCollectionKey(deps: Deps, hubId: string, collectionKey: unknown, page: PageRequest): Promise<Page<ContentItem>> {
  const hub = await getHub(deps, hubId);
  const match = typeof collectionKey === 'string' ? /^(.+):([0-9a-f]{64})$/.exec(collectionKey) : null;
  if (!match || match[1] !== hub.name) {
    throw invalid({
      entity: 'ContentItem',
      property: 'collectionKey',
      invalidValue: collectionKey ?? null,
      message: `collectionKey must be ${hub.name}:<hex SHA-256 of a content type URI of the hub>`,
    });
  }
  const types = (await deps.store.contentTypes.list({ hubId }, { page: 0, size: 10_000, sort: [] })).items;
  const type = types.find((candidate) => collectionKeyOf(hub.name, candidate.contentTypeUri) === collectionKey);
  if (!type) return { items: [], total: 0, request: page };
  return deps.store.contentItems.search(
    {
      hubId,
      clauses: [[{ kind: 'field', field: 'schema', value: type.contentTypeUri.toLowerCase(), negated: false }], [{ kind: 'field', field: 'status', value: 'active', negated: false }]],
    },
    page,
  );
}
