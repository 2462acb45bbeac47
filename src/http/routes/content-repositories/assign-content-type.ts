import { assignContentType, unassignContentType } from '../../../domain/repositories/assign-content-type.js';
import { contentRepositoryResource } from '../../resources/content-repository.js';
import { idParams, type Route } from '../../context.js';

/** POST /content-repositories/{id}/content-types `{contentTypeId}` (`assign-content-type`) → the repository. */
export const assignContentTypeRoute: Route = (app, { deps }) =>
  app.post<{ Params: { id: string }; Body: { contentTypeId: string } }>(
    '/content-repositories/:id/content-types',
    {
      schema: {
        params: idParams('id'),
        body: { type: 'object', required: ['contentTypeId'], properties: { contentTypeId: { type: 'string', minLength: 1 } } },
      },
    },
    async (request) =>
      contentRepositoryResource(request.base, await assignContentType(deps, request.params.id, request.body.contentTypeId)),
  );

/** DELETE /content-repositories/{id}/content-types/{typeId} (`unassign-content-type`) → 204. */
export const unassignContentTypeRoute: Route = (app, { deps }) =>
  app.delete<{ Params: { id: string; typeId: string } }>(
    '/content-repositories/:id/content-types/:typeId',
    { schema: { params: idParams('id', 'typeId') } },
    async (request, reply) => {
      await unassignContentType(deps, request.params.id, request.params.typeId);
      return reply.code(204).send();
    },
  );
