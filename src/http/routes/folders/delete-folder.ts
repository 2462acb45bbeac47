import { deleteFolder } from '../../../domain/folders/folders.js';
import { idParams, type Route } from '../../context.js';

/** DELETE /folders/{id} (`delete-folder`) → 204; 409 while the folder is not empty. */
export const deleteFolderRoute: Route = (app, { deps }) =>
  app.delete<{ Params: { id: string } }>('/folders/:id', { schema: { params: idParams('id') } }, async (request, reply) => {
    await deleteFolder(deps, request.params.id);
    return reply.code(204).send();
  });
