import {
  createWorkflowState,
  getWorkflowState,
  listWorkflowStates,
  updateWorkflowState,
  WORKFLOW_STATE_SORT_FIELDS,
} from '../../../domain/workflow-states/workflow-states.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { workflowStateResource } from '../../resources/workflow-state.js';
import { idParams, type Route } from '../../context.js';

const stateBody = { type: 'object', properties: { label: { type: 'string' }, color: { type: 'string' } } } as const;

/** GET /hubs/{id}/workflow-states (`workflow-states`). */
export const listWorkflowStatesRoute: Route = (app, { deps, config }) =>
  app.get<{ Params: { hubId: string }; Querystring: PagingQuery }>(
    '/hubs/:hubId/workflow-states',
    { schema: { params: idParams('hubId'), querystring: pagingQuery(config.maxPageSize) } },
    async (request) =>
      listBody(
        request,
        'workflow-states',
        await listWorkflowStates(deps, request.params.hubId, pageRequest(request.query, WORKFLOW_STATE_SORT_FIELDS)),
        workflowStateResource,
      ),
  );

/** POST /hubs/{id}/workflow-states (`create-workflow-state`) `{label, color}` → 201. */
export const createWorkflowStateRoute: Route = (app, { deps }) =>
  app.post<{ Params: { hubId: string }; Body: { label: string; color?: string } }>(
    '/hubs/:hubId/workflow-states',
    { schema: { params: idParams('hubId'), body: { ...stateBody, required: ['label'] } } },
    async (request, reply) => {
      const body = workflowStateResource(request.base, await createWorkflowState(deps, request.actor, request.params.hubId, request.body));
      return reply.code(201).header('Location', body._links.self.href).send(body);
    },
  );

export const getWorkflowStateRoute: Route = (app, { deps }) =>
  app.get<{ Params: { id: string } }>('/workflow-states/:id', { schema: { params: idParams('id') } }, async (request) =>
    workflowStateResource(request.base, await getWorkflowState(deps, request.params.id)),
  );

/** PATCH /workflow-states/{id} (`update`): label, color. */
export const updateWorkflowStateRoute: Route = (app, { deps }) =>
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/workflow-states/:id',
    { schema: { params: idParams('id'), body: stateBody } },
    async (request) => workflowStateResource(request.base, await updateWorkflowState(deps, request.actor, request.params.id, request.body)),
  );
