import { CONTENT_ITEM_SORT_FIELDS, listContentItems } from '../../../domain/content-items/items.js';
import type { Status } from '../../../domain/model.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

interface ListQuery extends PagingQuery {
  projection?: 'basic';
  folderId?: string;
  status?: Status;
  excludeHierarchicalChildren?: boolean;
}

/**
 * GET /content-repositories/{id}/content-items (`content-items`): `folderId` lists one folder's items,
 * `status` ACTIVE or ARCHIVED, `projection=basic` leaves bodies out, `excludeHierarchicalChildren=true`
 * leaves out items with a hierarchy parent.
 */
export const listContentItemsRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { repositoryId: string }; Querystring: ListQuery }>(
    '/content-repositories/:repositoryId/content-items',
    {
      schema: {
        params: idParams('repositoryId'),
        querystring: pagingQuery(config.maxPageSize, {
          projection: { type: 'string', enum: ['basic'] },
          folderId: { type: 'string', minLength: 1 },
          status: { type: 'string', enum: ['ACTIVE', 'ARCHIVED'] },
          excludeHierarchicalChildren: { type: 'boolean' },
        }),
      },
    },
    async (request) => {
      const { folderId, status, projection, excludeHierarchicalChildren } = request.query;
      const page = await listContentItems(deps, request.params.repositoryId, pageRequest(request.query, CONTENT_ITEM_SORT_FIELDS), {
        folderId,
        status,
        excludeHierarchicalChildren,
      });
      return listBody(request, 'content-items', page, (base, item) => contentItemResource(base, item, { basic: projection === 'basic' }));
    },
  );
