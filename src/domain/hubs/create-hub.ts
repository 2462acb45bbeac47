import { conflict } from '../errors.js';
import { requireName, requireText } from '../fields.js';
import type { Hub } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { defaultHubSettings } from './settings.js';
import { createRepository } from '../repositories/create-repository.js';
import { inTransaction } from '../transaction.js';
import { grantRole } from '../access/members.js';
import { enableModules } from '../access/modules.js';
import type { ModuleName } from '../access/permissions.js';

export interface CreateHubInput {
  name: string;
  label?: string;
  description?: string;
  /** Repositories to create with the hub; the bootstrap hub gets `content` and `slots`. */
  repositories?: { name: string; label?: string; features?: string[] }[];
  /** Clients made administrators of the hub (the `admin` role: docs/permissions.md). */
  admins?: string[];
  /** Modules enabled from the start; 003: none by default. */
  modules?: readonly ModuleName[];
}

/** Creates a hub (and its first repositories) in one transaction. Only the CLI and the bootstrap create hubs. */
export async function createHub(deps: Deps, actor: Actor, input: CreateHubInput): Promise<Hub> {
  const name = requireName('Hub', input.name);
  const now = deps.clock.now();
  const hub: Hub = {
    id: deps.ids.objectId(),
    name,
    label: input.label === undefined ? name : requireText('Hub', 'label', input.label),
    description: input.description ?? '',
    status: 'ACTIVE',
    settings: defaultHubSettings(),
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  return inTransaction(deps, async (tx) => {
    try {
      await tx.store.hubs.insert(hub);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw nameTaken(name);
      throw error;
    }
    for (const repository of input.repositories ?? []) {
      await createRepository(tx, actor, hub.id, repository);
    }
    for (const sid of input.admins ?? []) await grantRole(tx, sid, 'admin', { type: 'hubs', id: hub.id });
    await enableModules(tx, hub.id, input.modules ?? []);
    return hub;
  });
}

export const nameTaken = (name: string) =>
  conflict({ entity: 'Hub', property: 'name', invalidValue: name, message: 'name must be unique' });
