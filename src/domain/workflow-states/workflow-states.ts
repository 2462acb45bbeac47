import { invalid, notFound } from '../errors.js';
import { patchable, requireText } from '../fields.js';
import type { Page, PageRequest, WorkflowState } from '../model.js';
import type { Actor, Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';

export const WORKFLOW_STATE_SORT_FIELDS = ['label', 'createdDate', 'lastModifiedDate'] as const;

const RGB = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/;

/** Colours are `rgb(R,G,B)` with each channel 0–255, as the vendor's workflow states carry them. */
function requireColor(value: unknown): string {
  const match = typeof value === 'string' ? RGB.exec(value) : null;
  if (!match || match.slice(1).some((channel) => Number(channel) > 255)) {
    throw invalid({ entity: 'WorkflowState', property: 'color', invalidValue: value ?? null, message: 'color must look like rgb(255,0,0)' });
  }
  return value as string;
}

export async function getWorkflowState({ store }: Deps, id: string): Promise<WorkflowState> {
  const state = await store.workflowStates.get(id);
  if (!state) throw notFound('WorkflowState', id);
  return state;
}

export async function listWorkflowStates(deps: Deps, hubId: string, page: PageRequest): Promise<Page<WorkflowState>> {
  await getHub(deps, hubId);
  return deps.store.workflowStates.list({ hubId }, page);
}

export async function createWorkflowState(
  deps: Deps,
  actor: Actor,
  hubId: string,
  body: { label?: unknown; color?: unknown },
): Promise<WorkflowState> {
  await getHub(deps, hubId);
  const now = deps.clock.now();
  const state: WorkflowState = {
    id: deps.ids.objectId(),
    hubId,
    label: requireText('WorkflowState', 'label', body.label),
    color: body.color === undefined ? 'rgb(0,0,0)' : requireColor(body.color),
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  await deps.store.workflowStates.insert(state);
  return state;
}

export async function updateWorkflowState(
  deps: Deps,
  actor: Actor,
  id: string,
  body: Record<string, unknown>,
): Promise<WorkflowState> {
  const state = await getWorkflowState(deps, id);
  const patch = patchable(body, ['label', 'color']);
  const next = {
    ...state,
    label: patch.label === undefined ? state.label : requireText('WorkflowState', 'label', patch.label),
    color: patch.color === undefined ? state.color : requireColor(patch.color),
  };
  if (next.label === state.label && next.color === state.color) return state;
  const saved = { ...next, lastModifiedBy: actor.sid, lastModifiedDate: deps.clock.now() };
  await deps.store.workflowStates.update(saved);
  return saved;
}
