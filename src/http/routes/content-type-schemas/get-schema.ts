import { getSchema, getSchemaVersion } from '../../../domain/schemas/schemas.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

/** GET /content-type-schemas/{id} and /content-type-schemas/{id}/{version} (both built by the SDK). */
export const getSchemaRoute: Route = (app, { deps }) => {
  app.get<{ Params: { id: string } }>('/content-type-schemas/:id', { schema: { params: idParams('id') } }, async (request) =>
    contentTypeSchemaResource(request.base, await getSchema(deps, request.params.id)),
  );
  app.get<{ Params: { id: string; version: number } }>(
    '/content-type-schemas/:id/:version',
    {
      schema: {
        params: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request) => contentTypeSchemaResource(request.base, await getSchemaVersion(deps, request.params.id, request.params.version)),
  );
};
