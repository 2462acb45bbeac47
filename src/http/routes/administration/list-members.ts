import { listMembers } from '../../../domain/access/members.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { memberResource } from '../../resources/administration.js';
import type { Route } from '../../context.js';
import { accessParams, type AccessParams } from './params.js';

/** 003 "List members on a resource": GET /access/{resource}/{resourceId}/members → `_embedded.members`, by sid. */
export const listMembersRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: AccessParams; Querystring: PagingQuery }>(
    '/access/:resource/:resourceId/members',
    { schema: { params: accessParams(), querystring: pagingQuery(config.maxPageSize) } },
    async (request) => {
      const { resource, resourceId } = request.params;
      const members = await listMembers(deps, request.access, resource, resourceId);
      const page = pageRequest(request.query, []);
      const start = page.page * page.size;
      return listBody(request, 'members', { items: members.slice(start, start + page.size), total: members.length, request: page }, (base, member) =>
        memberResource(base, resource, resourceId, member),
      );
    },
  );
