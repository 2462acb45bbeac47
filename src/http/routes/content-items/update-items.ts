import { updateContentItems } from '../../../domain/content-items/items.js';
import { errorStatus } from '../../errors.js';
import { contentItemResource } from '../../resources/content-item.js';
import type { Route } from '../../context.js';
import { ignoreSchemaValidationQuery, type IgnoreSchemaValidation } from './item-query.js';

/**
 * PATCH /content-items (the repository's `update-content-items`) with an array of 1–100 updates, each
 * `{id, version, …}` as for one item. Each is applied on its own; `results` reports each in request
 * order as `{id, status, contentItem}` or `{id, status, errors}`.
 */
export const updateContentItemsRoute: Route = (app, { deps }) =>
  app.patch<{ Querystring: IgnoreSchemaValidation; Body: unknown[] }>(
    '/content-items',
    { schema: { querystring: ignoreSchemaValidationQuery, body: { type: 'array' } } },
    async (request) => {
      const results = await updateContentItems(deps, request.actor, request.body, {
        ignoreSchemaValidation: request.query.ignoreSchemaValidation === true,
      });
      return {
        results: results.map((result) =>
          'item' in result
            ? { id: result.id, status: 200, contentItem: contentItemResource(request.base, result.item) }
            : { id: result.id, status: errorStatus(result.error), errors: result.error.details },
        ),
      };
    },
  );
