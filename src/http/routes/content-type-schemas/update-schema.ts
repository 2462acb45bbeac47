import { updateSchema } from '../../../domain/schemas/schemas.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

/** PATCH /content-type-schemas/{id} (`update`) `{body, validationLevel, version}`: a changed body is a new version. */
export const updateSchemaRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-type-schemas/:id',
    {
      schema: {
        params: idParams('id'),
        body: {
          type: 'object',
          properties: {
            body: { type: 'string' },
            validationLevel: { type: 'string', enum: ['CONTENT_TYPE', 'SLOT', 'PARTIAL'] },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => contentTypeSchemaResource(request.base, await updateSchema(deps, request.actor, request.params.id, request.body)),
  );
