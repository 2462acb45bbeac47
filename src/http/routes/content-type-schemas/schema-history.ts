import { listSchemaVersions } from '../../../domain/schemas/schemas.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

/** GET /content-type-schemas/{id}/history (`history`): every version, newest first. */
export const schemaHistoryRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/content-type-schemas/:id/history',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(
        request,
        'content-type-schemas',
        await listSchemaVersions(deps, request.params.id, pageRequest(request.query, [])),
        contentTypeSchemaResource,
      ),
  );
