import { getFolder } from '../../../domain/folders/folders.js';
import { folderResource } from '../../resources/folder.js';
import { idParams, type Route } from '../../context.js';

export const getFolderRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string } }>('/folders/:id', { schema: { params: idParams('id') } }, async (request) =>
    folderResource(request.base, await getFolder(deps, request.params.id)),
  );
