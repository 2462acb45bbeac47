import { updateFolder } from '../../../domain/folders/folders.js';
import { folderResource } from '../../resources/folder.js';
import { idParams, type Route } from '../../context.js';

/** PATCH /folders/{id} (`update-folder`): rename. */
export const updateFolderRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/folders/:id',
    { schema: { params: idParams('id'), body: { type: 'object', properties: { name: { type: 'string' } } } } },
    async (request) => folderResource(request.base, await updateFolder(deps, request.actor, request.params.id, request.body)),
  );
