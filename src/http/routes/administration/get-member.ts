import { getMember } from '../../../domain/access/members.js';
import { memberResource } from '../../resources/administration.js';
import type { Route } from '../../context.js';
import { accessParams, type AccessParams } from './params.js';

/** 003 "Get a member by id": GET /access/{resource}/{resourceId}/members/{sid}. */
export const getMemberRoute: Route = (app, { deps }) =>
  app.get<{ Params: AccessParams }>('/access/:resource/:resourceId/members/:sid', { schema: { params: accessParams('sid') } }, async (request) => {
    const { resource, resourceId, sid } = request.params;
    return memberResource(request.base, resource, resourceId, await getMember(deps, request.access, resource, resourceId, sid));
  });
