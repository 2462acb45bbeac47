import { revokePermissions } from '../../../domain/access/members.js';
import type { Route } from '../../context.js';
import { accessParams, type AccessParams } from './params.js';

/** 003 "Revoking permissions": DELETE /access/{resource}/{resourceId}/members/{sid}/permissions/{permissions} → 204. */
export const revokePermissionsRoute: Route = (app, { deps }) =>
  app.delete<{ Params: AccessParams }>(
    '/access/:resource/:resourceId/members/:sid/permissions/:permissions',
    { schema: { params: accessParams('sid', 'permissions') } },
    async (request, reply) => {
      await revokePermissions(deps, request.access, request.params);
      return reply.code(204).send();
    },
  );
