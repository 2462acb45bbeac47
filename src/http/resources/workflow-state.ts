import type { WorkflowState } from '../../domain/model.js';
import { link } from '../hal.js';
import { scoped } from '../access.js';
import { hubScope } from '../../domain/access/access.js';

export function workflowStateResource(base: string, state: WorkflowState) {
  const self = `${base}/workflow-states/${state.id}`;
  return scoped({
    id: state.id,
    label: state.label,
    color: state.color,
    createdBy: state.createdBy,
    createdDate: state.createdDate,
    lastModifiedBy: state.lastModifiedBy,
    lastModifiedDate: state.lastModifiedDate,
    _links: {
      self: link(self),
      'workflow-state': link(self),
      hub: link(`${base}/hubs/${state.hubId}`),
      update: link(self),
    },
  }, 'workflow-state', hubScope(state.hubId));
}
