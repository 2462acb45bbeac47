import { updateContentType } from '../../../domain/content-types/content-types.js';
import { contentTypeResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';
import { contentTypeSettingsSchema } from './settings-schema.js';

/** PATCH /content-types/{id} (`update`): settings, replaced whole. */
export const updateContentTypeRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-types/:id',
    {
      schema: {
        params: idParams('id'),
        body: { type: 'object', properties: { contentTypeUri: { type: 'string' }, settings: contentTypeSettingsSchema } },
      },
    },
    async (request) => contentTypeResource(request.base, await updateContentType(deps, request.actor, request.params.id, request.body)),
  );
