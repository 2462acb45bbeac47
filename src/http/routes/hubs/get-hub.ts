import { getHub } from '../../../domain/hubs/queries.js';
import { hubResource } from '../../resources/hub.js';
import { idParams, type Route } from '../../context.js';

export const getHubRoute: Route = (app, { deps }) =>
  app.get<{ Params: { hubId: string } }>('/hubs/:hubId', { schema: { params: idParams('hubId') } }, async (request) =>
    hubResource(request.base, await getHub(deps, request.params.hubId)),
  );
