import { setContentItemLocale, setWorkflowState } from '../../../domain/content-items/lifecycle.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * PATCH /content-items/{id}/workflow `{version, state}` (`edit-workflow`; `state: null` unassigns) and
 * POST /content-items/{id}/locale `{locale, version}` (`set-locale`).
 */
export const workflowAndLocaleRoutes: Route = (app, { deps }) => {
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-items/:id/workflow',
    { schema: { params: idParams('id'), body: { type: 'object', required: ['version'] } } },
    async (request) => contentItemResource(request.base, await setWorkflowState(deps, request.actor, request.params.id, request.body)),
  );
  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/content-items/:id/locale',
    { schema: { params: idParams('id'), body: { type: 'object', required: ['locale', 'version'] } } },
    async (request) => contentItemResource(request.base, await setContentItemLocale(deps, request.actor, request.params.id, request.body)),
  );
};
