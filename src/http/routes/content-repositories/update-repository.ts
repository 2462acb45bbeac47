import { updateRepository } from '../../../domain/repositories/update-repository.js';
import { contentRepositoryResource } from '../../resources/content-repository.js';
import { idParams, type Route } from '../../context.js';

/** PATCH /content-repositories/{id} (`update`): name, label, itemLocales. */
export const updateRepositoryRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-repositories/:id',
    {
      schema: {
        params: idParams('id'),
        body: {
          type: 'object',
          properties: { name: { type: 'string' }, label: { type: 'string' }, itemLocales: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
    async (request) => contentRepositoryResource(request.base, await updateRepository(deps, request.actor, request.params.id, request.body)),
  );
