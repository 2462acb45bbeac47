import { updateWorkflowState } from '../../../domain/workflow-states/workflow-states.js';
import { workflowStateResource } from '../../resources/workflow-state.js';
import { idParams, type Route } from '../../context.js';
import { workflowStateBody } from './workflow-state-body.js';

/** PATCH /workflow-states/{id} (`update`): label, color. */
export const updateWorkflowStateRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/workflow-states/:id',
    { schema: { params: idParams('id'), body: workflowStateBody } },
    async (request) => workflowStateResource(request.base, await updateWorkflowState(deps, request.actor, request.params.id, request.body)),
  );
