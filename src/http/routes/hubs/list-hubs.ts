import { HUB_SORT_FIELDS, listHubs } from '../../../domain/hubs/queries.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { hubResource } from '../../resources/hub.js';
import type { Route } from '../../context.js';

/** GET /hubs — the SDK builds `/hubs{?page,size}` itself. */
export const listHubsRoute: Route = (app, { deps, config }) =>
  app.get<{ Querystring: PagingQuery }>(
    '/hubs',
    { schema: { querystring: pagingQuery(config.maxPageSize) } },
    async (request) => listBody(request, 'hubs', await listHubs(deps, request.access, pageRequest(request.query, HUB_SORT_FIELDS)), hubResource),
  );
