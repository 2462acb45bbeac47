import { requireAccessManager } from '../../../domain/access/members.js';
import { accessResource } from '../../resources/administration.js';
import type { Route } from '../../context.js';
import { accessParams, type AccessParams } from './params.js';

/** 003 "List Operations on a resource": GET /access/{resource}/{resourceId}. */
export const accessResourceRoute: Route = (app, { deps }) =>
  app.get<{ Params: AccessParams }>('/access/:resource/:resourceId', { schema: { params: accessParams() } }, async (request) => {
    const { resource, resourceId } = request.params;
    await requireAccessManager(deps, request.access, resource, resourceId);
    return accessResource(request.base, resource, resourceId);
  });
