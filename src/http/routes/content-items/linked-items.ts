import { hierarchyChildren, hierarchyParents, withLinkedChildren, withLinkedParents } from '../../../domain/content-items/linked.js';
import { collectionUrl, link, pageBody } from '../../hal.js';
import { contentItemResource } from '../../resources/content-item.js';
import { hierarchyNodeResource } from '../../resources/hierarchy-node.js';
import { idParams, type Route } from '../../context.js';

const idQuery = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } } as const;

/**
 * Linked content: GET /content-items/search/findByIdWithChildren?id= (`content-item-with-children`) and
 * findByIdWithParents?id= — the item first, then every item linked from (or to) it, recursively — and the
 * hierarchy nodes the SDK reads, GET /hierarchy-node/{id}/children and /parents.
 */
export const linkedContentRoutes: Route = (app, { deps }) => {
  for (const [name, find] of [
    ['findByIdWithChildren', withLinkedChildren],
    ['findByIdWithParents', withLinkedParents],
  ] as const) {
    app.get<{ Querystring: { id: string } }>(`/content-items/search/${name}`, { schema: { querystring: idQuery } }, async (request) => {
      const items = await find(deps, request.query.id);
      const page = { items, total: items.length, request: { page: 0, size: Math.max(items.length, 1), sort: [] } };
      return pageBody('content-items', page, (item) => contentItemResource(request.base, item), collectionUrl(request), request.query);
    });
  }
  app.get<{ Params: { id: string } }>('/hierarchy-node/:id/children', { schema: { params: idParams('id') } }, async (request) => {
    const { children, ...node } = await hierarchyChildren(deps, request.params.id);
    const resource = hierarchyNodeResource(request.base, node);
    return {
      ...resource,
      children: children.map((child) => hierarchyNodeResource(request.base, child)),
      _links: { self: link(`${request.base}/hierarchy-node/${node.id}/children`), ...resource._links },
    };
  });
  app.get<{ Params: { id: string } }>('/hierarchy-node/:id/parents', { schema: { params: idParams('id') } }, async (request) => {
    const { parents, ...node } = await hierarchyParents(deps, request.params.id);
    const resource = hierarchyNodeResource(request.base, node);
    return {
      ...resource,
      parents: parents.map((parent) => hierarchyNodeResource(request.base, parent)),
      _links: { self: link(`${request.base}/hierarchy-node/${node.id}/parents`), ...resource._links },
    };
  });
};
