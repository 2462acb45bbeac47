import { updateHub } from '../../../domain/hubs/update-hub.js';
import { hubResource } from '../../resources/hub.js';
import { idParams, type Route } from '../../context.js';
import { hubSettingsSchema } from './settings-schema.js';

/** PATCH /hubs/{id} (`update`): name, label, description, settings. */
export const updateHubRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { hubId: string }; Body: Record<string, unknown> }>(
    '/hubs/:hubId',
    {
      schema: {
        params: idParams('hubId'),
        body: {
          type: 'object',
          properties: { name: { type: 'string' }, label: { type: 'string' }, description: { type: 'string' }, settings: hubSettingsSchema },
        },
      },
    },
    async (request) => hubResource(request.base, await updateHub(deps, request.actor, request.params.hubId, request.body)),
  );
