import { findPlannedVersion } from '../../../domain/content-items/publishing.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/** GET /content-items/{id}/planned{?epoch,time} (`planned`): the version published at that time (now by default). */
export const plannedContentItemRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string }; Querystring: { epoch?: number; time?: string } }>(
    '/content-items/:id/planned',
    {
      schema: {
        params: idParams('id'),
        querystring: { type: 'object', properties: { epoch: { type: 'number', minimum: 0 }, time: { type: 'string' } } },
      },
    },
    async (request) => contentItemResource(request.base, await findPlannedVersion(deps, request.params.id, request.query)),
  );
