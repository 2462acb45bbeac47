import { updateHubSettings } from '../../../domain/hubs/update-hub.js';
import { idParams, type Route } from '../../context.js';
import { hubSettingsSchema } from './settings-schema.js';

/** PATCH /hubs/{id}/settings (`update-settings`); answers with the settings, which the SDK reads as its Settings model. */
export const updateHubSettingsRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { hubId: string }; Body: Record<string, unknown> }>(
    '/hubs/:hubId/settings',
    { schema: { params: idParams('hubId'), body: hubSettingsSchema } },
    async (request) => (await updateHubSettings(deps, request.actor, request.params.hubId, request.body)).settings,
  );
