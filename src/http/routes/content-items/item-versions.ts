import { getContentItemVersion } from '../../../domain/content-items/items.js';
import { listContentItemVersions } from '../../../domain/content-items/lifecycle.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

export const versionParams = {
  type: 'object',
  required: ['id', 'version'],
  properties: { id: { type: 'string', minLength: 1 }, version: { type: 'integer', minimum: 1 } },
} as const;

/** GET /content-items/{id}/versions (`content-item-versions`), newest first, and /versions/{n} (`content-item-version`). */
export const contentItemVersionsRoute: Route = (app, { deps, config }) => {
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/content-items/:id/versions',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(request, 'content-items', await listContentItemVersions(deps, request.params.id, pageRequest(request.query, [])), (base, item) =>
        contentItemResource(base, item),
      ),
  );
  app.get<{ Params: { id: string; version: number } }>(
    '/content-items/:id/versions/:version',
    { schema: { params: versionParams } },
    async (request) => contentItemResource(request.base, await getContentItemVersion(deps, request.params.id, request.params.version)),
  );
};
