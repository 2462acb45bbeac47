import { createRepository, type CreateRepositoryInput } from '../../../domain/repositories/create-repository.js';
import { contentRepositoryResource } from '../../resources/content-repository.js';
import { idParams, type Route } from '../../context.js';

/** POST /hubs/{id}/content-repositories (`create-content-repository`) → 201. */
export const createRepositoryRoute: Route = (app, { deps }) =>
  app.post<{ Params: { hubId: string }; Body: CreateRepositoryInput }>(
    '/hubs/:hubId/content-repositories',
    {
      schema: {
        params: idParams('hubId'),
        body: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            label: { type: 'string' },
            features: { type: 'array', items: { type: 'string' } },
            itemLocales: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    async (request, reply) => {
      const repository = await createRepository(deps, request.actor, request.params.hubId, request.body);
      const body = contentRepositoryResource(request.base, repository);
      return reply.code(201).header('Location', body._links.self.href).send(body);
    },
  );
