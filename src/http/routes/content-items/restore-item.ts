import { restoreContentItemVersion } from '../../../domain/content-items/lifecycle.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/** POST /content-items/{id}/restore (`restore-version`) `{version, restoreVersion}`: a new version equal to the old one. */
export const restoreContentItemRoute: Route = (app, { deps }) =>
  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-items/:id/restore',
    {
      schema: {
        params: idParams('id'),
        body: {
          type: 'object',
          required: ['version', 'restoreVersion'],
          properties: { version: { type: 'integer', minimum: 1 }, restoreVersion: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request) => contentItemResource(request.base, await restoreContentItemVersion(deps, request.actor, request.params.id, request.body)),
  );
