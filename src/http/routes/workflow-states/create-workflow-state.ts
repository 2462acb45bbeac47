import { createWorkflowState } from '../../../domain/workflow-states/workflow-states.js';
import { workflowStateResource } from '../../resources/workflow-state.js';
import { idParams, type Route } from '../../context.js';
import { workflowStateBody } from './workflow-state-body.js';

/** POST /hubs/{id}/workflow-states (`create-workflow-state`) `{label, color}` → 201. */
export const createWorkflowStateRoute: Route = (app, { deps }) =>
  app.post<{ Params: { hubId: string }; Body: { label: string; color?: string } }>(
    '/hubs/:hubId/workflow-states',
    { schema: { params: idParams('hubId'), body: { ...workflowStateBody, required: ['label'] } } },
    async (request, reply) => {
      const body = workflowStateResource(request.base, await createWorkflowState(deps, request.actor, request.params.hubId, request.body));
      return reply.code(201).header('Location', body._links.self.href).send(body);
    },
  );
