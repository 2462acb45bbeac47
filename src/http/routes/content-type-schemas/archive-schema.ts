import { setSchemaStatus } from '../../../domain/schemas/schemas.js';
import type { Status } from '../../../domain/model.js';
import { contentTypeSchemaResource } from '../../resources/content-type-schema.js';
import { idParams, type Route } from '../../context.js';

const ACTIONS: [string, Status][] = [
  ['archive', 'ARCHIVED'],
  ['unarchive', 'ACTIVE'],
];

/** POST /content-type-schemas/{id}/archive and /unarchive `{version}`. */
export const archiveSchemaRoute: Route = (app, { deps }) => {
  for (const [action, status] of ACTIONS) {
    app.post<{ Params: { id: string }; Body: Record<string, unknown> | undefined }>(
      `/content-type-schemas/:id/${action}`,
      { schema: { params: idParams('id'), body: { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } } } },
      async (request) =>
        contentTypeSchemaResource(request.base, await setSchemaStatus(deps, request.actor, request.params.id, status, request.body ?? {})),
    );
  }
};
