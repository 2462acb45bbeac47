import { getRepository } from '../../../domain/repositories/queries.js';
import { contentRepositoryResource } from '../../resources/content-repository.js';
import { idParams, type Route } from '../../context.js';

export const getRepositoryRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string } }>('/content-repositories/:id', { schema: { params: idParams('id') } }, async (request) =>
    contentRepositoryResource(request.base, await getRepository(deps, request.params.id)),
  );
