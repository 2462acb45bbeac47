import { hubScope } from '../../../domain/access/access.js';
import { listHubModules, MANAGE_MODULES } from '../../../domain/access/modules.js';
import { hubModulesResource } from '../../resources/administration.js';
import { idParams, type Route } from '../../context.js';

/** 003 "List Module Operations on a Hub": GET /modules/hubs/{hubId} — the modules, and links to enable the others. */
export const hubModulesRoute: Route = (app, { deps }) =>
  app.get<{ Params: { hubId: string } }>('/modules/hubs/:hubId', { schema: { params: idParams('hubId') } }, async (request) => {
    const { hubId } = request.params;
    const modules = await listHubModules(deps, request.access, hubId);
    return hubModulesResource(request.base, hubId, modules, request.access.allows(hubScope(hubId), MANAGE_MODULES));
  });
