import { listSchemas, SCHEMA_SORT_FIELDS } from '../../../domain/schemas/schemas.js';
import type { Status } from '../../../domain/model.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

export const statusQuery = { status: { type: 'string', enum: ['ACTIVE', 'ARCHIVED'] } };

/** GET /hubs/{id}/content-type-schemas (`list-content-type-schemas`), optionally by `status`. */
export const listSchemasRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery & { status?: Status } }>(
    '/hubs/:hubId/content-type-schemas',
    { schema: { params: idParams('hubId'), querystring: pagingQuery(config.maxPageSize, statusQuery) } },
    async (request) =>
      listBody(
        request,
        'content-type-schemas',
        await listSchemas(deps, request.params.hubId, pageRequest(request.query, SCHEMA_SORT_FIELDS), request.query.status),
        contentTypeSchemaResource,
      ),
  );
