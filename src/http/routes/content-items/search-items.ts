import { SEARCH_SORT_FIELDS, searchContentItems } from '../../../domain/content-items/search.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * GET /hubs/{id}/content-items/find?q= (`search-content-items`): the hub's items matching the text search
 * syntax of 003. A malformed query is a 400 saying where it went wrong.
 */
export const searchContentItemsRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery & { q: string; projection?: 'basic' } }>(
    '/hubs/:hubId/content-items/find',
    {
      schema: {
        params: idParams('hubId'),
        querystring: { ...pagingQuery(config.maxPageSize, { q: { type: 'string' }, projection: { type: 'string', enum: ['basic'] } }), required: ['q'] },
      },
    },
    async (request) =>
      listBody(
        request,
        'content-items',
        await searchContentItems(deps, request.params.hubId, request.query.q, pageRequest(request.query, SEARCH_SORT_FIELDS)),
        (base, item) => contentItemResource(base, item, { basic: request.query.projection === 'basic' }),
      ),
  );
