import { listContentItemHistory } from '../../../domain/content-items/lifecycle.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemHistoryResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';
import { versionParams } from './item-versions.js';

/**
 * GET /content-items/{id}/history (`content-item-history`) and /versions/{n}/history: who did what and
 * when, newest first, as `_embedded.history` entries `{contentItemId, version, action, actionedBy, actionedDate}`.
 */
export const contentItemHistoryRoute: Route = (app, { deps, config }) => {
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/content-items/:id/history',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(request, 'history', await listContentItemHistory(deps, request.params.id, pageRequest(request.query, [])), contentItemHistoryResource),
  );
  app.get<{ Params: { id: string; version: number }; Querystring: PagingQuery }>(
    '/content-items/:id/versions/:version/history',
    { schema: { params: versionParams, querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(
        request,
        'history',
        await listContentItemHistory(deps, request.params.id, pageRequest(request.query, []), request.params.version),
        contentItemHistoryResource,
      ),
  );
};
