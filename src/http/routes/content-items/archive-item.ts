import { setContentItemStatus } from '../../../domain/content-items/lifecycle.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';
import { versionBody } from './item-query.js';

/** POST /content-items/{id}/archive and /unarchive `{version}`. */
export const archiveContentItemRoute: Route = (app, { deps }) => {
  for (const [action, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post<{ Params: { id: string }; Body: Record<string, unknown> | undefined }>(
      `/content-items/:id/${action}`,
      { schema: { params: idParams('id'), body: versionBody } },
      async (request) =>
        contentItemResource(request.base, await setContentItemStatus(deps, request.actor, request.params.id, archived, request.body ?? {})),
    );
  }
};
