import { updateContentItem } from '../../../domain/content-items/items.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';
import { ignoreSchemaValidationQuery, type IgnoreSchemaValidation } from './item-query.js';

/**
 * PATCH /content-items/{id} (`update`) with the current `version` and any of label, body, folderId,
 * locale, assignees; the SDK often sends the whole item back, and the rest is ignored.
 */
export const updateContentItemRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Querystring: IgnoreSchemaValidation; Body: Record<string, unknown> }>(
    '/content-items/:id',
    { schema: { params: idParams('id'), querystring: ignoreSchemaValidationQuery, body: { type: 'object' } } },
    async (request) =>
      contentItemResource(
        request.base,
        await updateContentItem(deps, request.actor, request.params.id, request.body, {
          ignoreSchemaValidation: request.query.ignoreSchemaValidation === true,
        }),
      ),
  );
