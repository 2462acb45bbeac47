import { grantPermissions } from '../../../domain/access/members.js';
import type { Route } from '../../context.js';
import { accessParams, type AccessParams } from './params.js';

/**
 * Granting (003's status table: "204 … Success with granting or revoking permissions"; the operation
 * itself is not in 003): PUT /access/{resource}/{resourceId}/members/{sid}/permissions/{permissions},
 * the mirror of revoking. Granting a held permission again changes nothing.
 */
export const grantPermissionsRoute: Route = (app, { deps }) =>
  app.put<{ Params: AccessParams }>(
    '/access/:resource/:resourceId/members/:sid/permissions/:permissions',
    { schema: { params: accessParams('sid', 'permissions') } },
    async (request, reply) => {
      await grantPermissions(deps, request.access, request.params);
      return reply.code(204).send();
    },
  );
