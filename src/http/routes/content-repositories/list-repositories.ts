import { listRepositories, REPOSITORY_SORT_FIELDS } from '../../../domain/repositories/queries.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentRepositoryResource } from '../../resources/content-repository.js';
import { idParams, type Route } from '../../context.js';

/** GET /hubs/{id}/content-repositories (`content-repositories`). */
export const listRepositoriesRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery }>(
    '/hubs/:hubId/content-repositories',
    { schema: { params: idParams('hubId'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(
        request,
        'content-repositories',
        await listRepositories(deps, request.params.hubId, pageRequest(request.query, REPOSITORY_SORT_FIELDS)),
        contentRepositoryResource,
      ),
  );

/** GET /hubs/{id}/content-repositories/search/findByFeaturesContaining?feature= — a URL the SDK builds itself. */
export const findRepositoriesByFeatureRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery & { feature: string } }>(
    '/hubs/:hubId/content-repositories/search/findByFeaturesContaining',
    {
      schema: {
        params: idParams('hubId'),
        querystring: { ...pagingQuery(config.maxPageSize, { feature: { type: 'string', pattern: '^[A-Za-z0-9-]+$' } }), required: ['feature'] },
      },
    },
    async (request) =>
      listBody(
        request,
        'content-repositories',
        await listRepositories(deps, request.params.hubId, pageRequest(request.query, REPOSITORY_SORT_FIELDS), {
          feature: request.query.feature,
        }),
        contentRepositoryResource,
      ),
  );
