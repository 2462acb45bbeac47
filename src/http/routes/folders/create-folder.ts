import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Folder } from '../../../domain/model.js';
import { createFolder } from '../../../domain/folders/folders.js';
import { folderResource } from '../../resources/folder.js';
import { idParams, type Route } from '../../context.js';

const schema = {
  params: idParams('id'),
  body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
};

function created(request: FastifyRequest, reply: FastifyReply, folder: Folder) {
  const body = folderResource(request.base, folder);
  return reply.code(201).header('Location', body._links.self!.href).send(body);
}

/** POST /content-repositories/{id}/folders and /folders/{id}/folders (`create-folder`) → 201. */
export const createFolderRoute: Route = (app, { deps }) => {
  app.post<{ Params: { id: string }; Body: { name: string } }>('/content-repositories/:id/folders', { schema }, async (request, reply) =>
    created(request, reply, await createFolder(deps, request.actor, { repositoryId: request.params.id }, request.body)),
  );
  app.post<{ Params: { id: string }; Body: { name: string } }>('/folders/:id/folders', { schema }, async (request, reply) =>
    created(request, reply, await createFolder(deps, request.actor, { parentId: request.params.id }, request.body)),
  );
};
