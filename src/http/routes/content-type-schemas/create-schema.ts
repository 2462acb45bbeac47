import { createSchema } from '../../../domain/schemas/schemas.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

/** POST /hubs/{id}/content-type-schemas (`create-content-type-schema`) `{schemaId, body, validationLevel}` → 201. */
export const createSchemaRoute: Route = (app, { deps }) =>
  app.post<{ Params: { hubId: string }; Body: { schemaId: string; body: string; validationLevel?: string } }>(
    '/hubs/:hubId/content-type-schemas',
    {
      schema: {
        params: idParams('hubId'),
        body: {
          type: 'object',
          required: ['schemaId', 'body'],
          properties: {
            schemaId: { type: 'string' },
            body: { type: 'string' },
            validationLevel: { type: 'string', enum: ['CONTENT_TYPE', 'SLOT', 'PARTIAL'] },
          },
        },
      },
    },
    async (request, reply) => {
      const schema = await createSchema(deps, request.actor, request.params.hubId, request.body);
      const body = contentTypeSchemaResource(request.base, schema);
      return reply.code(201).header('Location', body._links.self.href).send(body);
    },
  );
