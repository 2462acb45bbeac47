import { setContentTypeStatus } from '../../../domain/content-types/content-types.js';
import type { Status } from '../../../domain/model.js';
import { contentTypeResource } from '../../resources/content-type.js';
import { idParams, type Route } from '../../context.js';

const ACTIONS: [string, Status][] = [
  ['archive', 'ARCHIVED'],
  ['unarchive', 'ACTIVE'],
];

/** POST /content-types/{id}/archive and /unarchive (body `{}`). */
export const archiveContentTypeRoute: Route = (app, { deps }) => {
  for (const [action, status] of ACTIONS) {
    app.post<{ Params: { id: string } }>(`/content-types/:id/${action}`, { schema: { params: idParams('id') } }, async (request) =>
      contentTypeResource(request.base, await setContentTypeStatus(deps, request.actor, request.params.id, status)),
    );
  }
};
