import { WORKFLOW_STATE_SORT_FIELDS, listWorkflowStates } from '../../../domain/workflow-states/workflow-states.js';
import { listBody } from '../../hal.js';
import { pageRequest, pagingQuery, type PagingQuery } from '../../paging.js';
import { workflowStateResource } from '../../resources/workflow-state.js';
import { idParams, type Route } from '../../context.js';

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
