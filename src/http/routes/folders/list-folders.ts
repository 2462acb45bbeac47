import { FOLDER_SORT_FIELDS, listRootFolders, listSubFolders } from '../../../domain/folders/folders.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { folderResource } from '../../resources/folder.js';
import { idParams, type Route } from '../../context.js';

/** GET /content-repositories/{id}/folders (`folders` on a repository): the folders at its root. */
export const listRootFoldersRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/content-repositories/:id/folders',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(request, 'folders', await listRootFolders(deps, request.params.id, pageRequest(request.query, FOLDER_SORT_FIELDS)), folderResource),
  );

/** GET /folders/{id}/folders — built by the SDK (`folder.related.folders.list`): direct sub-folders. */
export const listSubFoldersRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { id: string }; Querystring: PagingQuery }>(
    '/folders/:id/folders',
    { schema: { params: idParams('id'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(request, 'folders', await listSubFolders(deps, request.params.id, pageRequest(request.query, FOLDER_SORT_FIELDS)), folderResource),
  );
