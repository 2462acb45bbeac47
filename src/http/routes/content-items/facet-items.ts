import { FACET_SORT_FIELDS, facetContentItems } from '../../../domain/content-items/facets.js';
import { collectionUrl, pageBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * POST /hubs/{id}/content-items/facet{?page,projection,query,size,sort} (`facet-content-items`) with
 * `{fields: [{facetAs, field, name?, filter?, range?}], returnEntities}` → the matching items without
 * bodies (each with its `schema`), `page`, and `_facets: {name: [{_id, count}]}`.
 */
export const facetContentItemsRoute: Route = (app, { deps, config }) =>
  app.post<{ Params: { hubId: string }; Querystring: PagingQuery & { query?: string; projection?: string }; Body: Record<string, unknown> }>(
    '/hubs/:hubId/content-items/facet',
    {
      schema: {
        params: idParams('hubId'),
        querystring: pagingQuery(config.maxPageSize, { query: { type: 'string' }, projection: { type: 'string' } }),
        body: { type: 'object', required: ['fields'], properties: { fields: { type: 'array' }, returnEntities: { type: 'boolean' } } },
      },
    },
    async (request) => {
      const { page, facets } = await facetContentItems(deps, request.params.hubId, request.body, {
        query: request.query.query || undefined,
        page: pageRequest(request.query, FACET_SORT_FIELDS),
      });
      const body = pageBody(
        'content-items',
        page,
        (item) => ({ ...contentItemResource(request.base, item, { basic: true }), schema: item.schema }),
        collectionUrl(request),
        request.query as Record<string, unknown>,
      );
      return { ...body, _facets: facets };
    },
  );
