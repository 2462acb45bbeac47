import { getContentType, syncCachedSchema } from '../../../domain/content-types/content-types.js';
import { cachedSchemaResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';

/** GET /content-types/{id}/schema (`content-type-schema`) and PATCH of it, which re-reads the schema ("sync"). */
export const cachedSchemaRoute: Route = (app, { deps }) => {
  app.get<{ Params: { id: string } }>('/content-types/:id/schema', { schema: { params: idParams('id') } }, async (request) =>
    cachedSchemaResource(request.base, await getContentType(deps, request.params.id)),
  );
  app.patch<{ Params: { id: string } }>('/content-types/:id/schema', { schema: { params: idParams('id') } }, async (request) =>
    cachedSchemaResource(request.base, await syncCachedSchema(deps, request.actor, request.params.id)),
  );
};
