import { COLLECTION_SORT_FIELDS, filterByCollectionKey } from '../../../domain/content-items/collections.js';
import { invalid } from '../../../domain/errors.js';
import { collectionUrl, pageBody } from '../../hal.js';
import { DEFAULT_PAGE_SIZE } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

interface FilterBody {
  collectionKey: string;
  sortBy?: { key?: string; order?: string };
  page?: { size?: number; number?: number };
}

/**
 * POST /hubs/{id}/content-items/filter `{collectionKey, sortBy?: {key, order: ASC|DESC}, page?: {size, number}}`:
 * the items a collection key selects (domain/content-items/collections.ts), as a page of content items.
 */
export const filterContentItemsRoute: Route = (app, { deps, config }) =>
  app.post<{ Params: { hubId: string }; Body: FilterBody }>(
    '/hubs/:hubId/content-items/filter',
    {
      schema: {
        params: idParams('hubId'),
        body: {
          type: 'object',
          required: ['collectionKey'],
          properties: {
            collectionKey: { type: 'string' },
            sortBy: { type: 'object', properties: { key: { type: 'string' }, order: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc'] } } },
            page: { type: 'object', properties: { size: { type: 'integer', minimum: 1, maximum: config.maxPageSize }, number: { type: 'integer', minimum: 0 } } },
          },
        },
      },
    },
    async (request) => {
      const { sortBy, page = {} } = request.body;
      const key = sortBy?.key ?? 'createdDate';
      if (!(COLLECTION_SORT_FIELDS as readonly string[]).includes(key)) {
        throw invalid({ property: 'sortBy.key', invalidValue: key, message: `sortBy.key must be one of ${COLLECTION_SORT_FIELDS.join(', ')}` });
      }
      const paging = {
        page: page.number ?? 0,
        size: page.size ?? DEFAULT_PAGE_SIZE,
        sort: [{ field: key, direction: (sortBy?.order ?? 'ASC').toLowerCase() as 'asc' | 'desc' }],
      };
      const found = await filterByCollectionKey(deps, request.params.hubId, request.body.collectionKey, paging);
      return pageBody('content-items', found, (item) => contentItemResource(request.base, item), collectionUrl(request), {});
    },
  );
