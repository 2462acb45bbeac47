import { patchable, requireName, requireText } from '../fields.js';
import type { Hub } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { nameTaken } from './create-hub.js';
import { getHub } from './queries.js';
import { mergeSettings } from './settings.js';

/** PATCH /hubs/{id}: name, label, description and settings; an unchanged hub is not rewritten. */
export async function updateHub(deps: Deps, actor: Actor, id: string, body: Record<string, unknown>): Promise<Hub> {
  const hub = await getHub(deps, id);
  const patch = patchable(body, ['name', 'label', 'description', 'settings']);
  const next: Hub = {
    ...hub,
    name: patch.name === undefined ? hub.name : requireName('Hub', patch.name),
    label: patch.label === undefined ? hub.label : requireText('Hub', 'label', patch.label),
    description: patch.description === undefined ? hub.description : String(patch.description),
    settings: patch.settings === undefined ? hub.settings : mergeSettings(hub.settings, patch.settings as Record<string, unknown>),
  };
  return save(deps, actor, hub, next);
}

/** PATCH /hubs/{id}/settings (`update-settings`). */
export async function updateHubSettings(deps: Deps, actor: Actor, id: string, body: Record<string, unknown>): Promise<Hub> {
  const hub = await getHub(deps, id);
  return save(deps, actor, hub, { ...hub, settings: mergeSettings(hub.settings, body) });
}

async function save(deps: Deps, actor: Actor, hub: Hub, next: Hub): Promise<Hub> {
  if (JSON.stringify(next) === JSON.stringify(hub)) return hub;
  const saved = { ...next, lastModifiedBy: actor.sid, lastModifiedDate: deps.clock.now() };
  try {
    await deps.store.hubs.update(saved);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw nameTaken(saved.name);
    throw error;
  }
  return saved;
}
