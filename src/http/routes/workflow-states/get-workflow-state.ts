import { getWorkflowState } from '../../../domain/workflow-states/workflow-states.js';
import { workflowStateResource } from '../../resources/workflow-state.js';
import { idParams, type Route } from '../../context.js';

export const getWorkflowStateRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string } }>('/workflow-states/:id', { schema: { params: idParams('id') } }, async (request) =>
    workflowStateResource(request.base, await getWorkflowState(deps, request.params.id)),
  );
