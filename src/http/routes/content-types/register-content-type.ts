import { registerContentType } from '../../../domain/content-types/content-types.js';
import { contentTypeResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';
import { contentTypeSettingsSchema } from './settings-schema.js';

/** POST /hubs/{id}/content-types (`register-content-type`) `{contentTypeUri, settings}` → 201. */
export const registerContentTypeRoute: Route = (app, { deps }) =>
  app.post<{ Params: { hubId: string }; Body: { contentTypeUri: string; settings?: object } }>(
    '/hubs/:hubId/content-types',
    {
      schema: {
        params: idParams('hubId'),
        body: {
          type: 'object',
          required: ['contentTypeUri'],
          properties: { contentTypeUri: { type: 'string' }, settings: contentTypeSettingsSchema },
        },
      },
    },
    async (request, reply) => {
      const type = await registerContentType(deps, request.actor, request.params.hubId, request.body);
      const body = contentTypeResource(request.base, type);
      return reply.code(201).header('Location', body._links.self!.href).send(body);
    },
  );
