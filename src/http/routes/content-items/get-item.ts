import { getContentItem, getContentItemVersion } from '../../../domain/content-items/items.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * GET /content-items/{id} (`self`, `content-item`); `?version=n` is the item as it was at version n
 * (003 "Finding Content by Content Version Number"); `?projection=basic` leaves the body out.
 */
export const getContentItemRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string }; Querystring: { version?: number; projection?: 'basic' } }>(
    '/content-items/:id',
    {
      schema: {
        params: idParams('id'),
        querystring: {
          type: 'object',
          properties: { version: { type: 'integer', minimum: 1 }, projection: { type: 'string', enum: ['basic'] } },
        },
      },
    },
    async (request) => {
      const { version, projection } = request.query;
      const item =
        version === undefined ? await getContentItem(deps, request.params.id) : await getContentItemVersion(deps, request.params.id, version);
      return contentItemResource(request.base, item, { basic: projection === 'basic' });
    },
  );
