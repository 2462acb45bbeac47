import { assignDeliveryKey, findContentItemByDeliveryKey } from '../../../domain/content-items/lifecycle.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * PUT /content-items/{id}/delivery-key `{deliveryKey, version}` (003 "Assigning a Delivery Key") and
 * GET /hubs/{id}/content-items/delivery-key?key= (003 "Finding Content Items by Delivery Keys").
 */
export const deliveryKeyRoutes: Route = (app, { deps }) => {
  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-items/:id/delivery-key',
    { schema: { params: idParams('id'), body: { type: 'object', required: ['deliveryKey', 'version'] } } },
    async (request) => contentItemResource(request.base, await assignDeliveryKey(deps, request.actor, request.params.id, request.body)),
  );
  app.get<{ Params: { hubId: string }; Querystring: { key: string } }>(
    '/hubs/:hubId/content-items/delivery-key',
    {
      schema: {
        params: idParams('hubId'),
        querystring: { type: 'object', required: ['key'], properties: { key: { type: 'string' } } },
      },
    },
    async (request) => contentItemResource(request.base, await findContentItemByDeliveryKey(deps, request.params.hubId, request.query.key)),
  );
};
