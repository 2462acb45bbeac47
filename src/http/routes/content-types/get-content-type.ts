import { getContentType } from '../../../domain/content-types/content-types.js';
import { contentTypeResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';

export const getContentTypeRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string } }>('/content-types/:id', { schema: { params: idParams('id') } }, async (request) =>
    contentTypeResource(request.base, await getContentType(deps, request.params.id)),
  );
