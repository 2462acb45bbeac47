import { CONTENT_TYPE_SORT_FIELDS, listContentTypes } from '../../../domain/content-types/content-types.js';
import type { Status } from '../../../domain/model.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentTypeResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';
import { statusQuery } from '../content-type-schemas/list-schemas.js';

/** GET /hubs/{id}/content-types (`content-types`), optionally by `status`. */
export const listContentTypesRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery & { status?: Status } }>(
    '/hubs/:hubId/content-types',
    { schema: { params: idParams('hubId'), querystring: pagingQuery(config.maxPageSize, statusQuery) } },
    async (request) =>
      listBody(
        request,
        'content-types',
        await listContentTypes(deps, request.params.hubId, pageRequest(request.query, CONTENT_TYPE_SORT_FIELDS), request.query.status),
        contentTypeResource,
      ),
  );
