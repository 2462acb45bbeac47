import { enableHubModule } from '../../../domain/access/modules.js';
import { MODULES } from '../../../domain/access/permissions.js';
import { hubModulesResource } from '../../resources/administration.js';
import type { Route } from '../../context.js';

/**
 * 003 "Enable the Search Index module on a hub" and "… the Content Delivery 2 module …":
 * POST /modules/hubs/{hubId}/search-index and …/content-delivery-2 → 200 with the hub's modules.
 */
export const enableModuleRoute: Route = (app, { deps }) => {
  for (const module of MODULES) {
    app.post<{ Params: { hubId: string } }>(
      `/modules/hubs/:hubId/${module}`,
      { schema: { params: { type: 'object', required: ['hubId'], properties: { hubId: { type: 'string', minLength: 1 } } } } },
      async (request) => {
        const { hubId } = request.params;
        return hubModulesResource(request.base, hubId, await enableHubModule(deps, request.access, hubId, module), true);
      },
    );
  }
};
