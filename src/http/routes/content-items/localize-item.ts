import {
  getLocalizationJob,
  listLocalizationJobs,
  listLocalizations,
  requestLocalization,
} from '../../../domain/content-items/localization.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { localizationJobResource } from '../../resources/localization-job.js';
import { idParams, type Route } from '../../context.js';

/**
 * Localization (002): POST /content-items/{id}/localize (`create-localizations`) → 202 with the job;
 * GET …/localizations (`localizations`); GET /localization-jobs/{id} and
 * /localization-jobs/search/findByRootContentItem?id= (`localization-jobs`, `findByRootContentItem`).
 */
export const localizationRoutes: Route = (app, { deps, config }) => {
  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-items/:id/localize',
    {
      schema: {
        params: idParams('id'),
        body: { type: 'object', required: ['locales', 'version'], properties: { replicateFolderStructure: { type: 'boolean' } } },
      },
    },
    async (request, reply) =>
      reply.code(202).send(localizationJobResource(request.base, await requestLocalization(deps, request.actor, request.access, request.params.id, request.body))),
  );
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/content-items/:id/localizations',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(request, 'content-items', await listLocalizations(deps, request.params.id, pageRequest(request.query, [])), (base, item) =>
        contentItemResource(base, item),
      ),
  );
  app.get<{ Params: { id: string } }>('/localization-jobs/:id', { schema: { params: idParams('id') } }, async (request) =>
    localizationJobResource(request.base, await getLocalizationJob(deps, request.params.id)),
  );
  app.get<{ Querystring: PagingQuery & { id: string } }>(
    '/localization-jobs/search/findByRootContentItem',
    { schema: { querystring: { ...pagingQuery(config.maxPageSize, { id: { type: 'string', minLength: 1 } }), required: ['id'] } } },
    async (request) =>
      listBody(request, 'localization-jobs', await listLocalizationJobs(deps, request.query.id, pageRequest(request.query, ['createdDate'])), localizationJobResource),
  );
};
